import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';
import { metadataIssues } from '../../src-shared/domain/metadata-limits.ts';
import type { FolderTemplate } from '../../src-shared/domain/watched-folder.ts';
import { mergeMetadata, type PresetFields } from '../../src-shared/publishing/preset.ts';
import { baseName } from '../../src-shared/watch/file-kinds.ts';
import { renderTemplate, type TemplateValues } from '../../src-shared/watch/template.ts';
import type { SidecarResult } from './sidecar.ts';

export type ComposeResult = { ok: true; metadata: VideoMetadata } | { ok: false; message: string };

/**
 * The folder template, with its variables filled in, under the folder's
 * preset, under the sidecar's fields (the README's merge order); then
 * YouTube's limits, each broken rule named with where it came from.
 */
export function composeMetadata(
  template: FolderTemplate,
  values: TemplateValues,
  sidecar: { file: string; result: SidecarResult } | null,
  preset: { name: string; fields: PresetFields } | null = null,
): ComposeResult {
  if (sidecar && !sidecar.result.ok) return { ok: false, message: sidecar.result.message };
  const fields = sidecar?.result.ok ? sidecar.result.fields : {};
  const lines = sidecar?.result.ok ? sidecar.result.lines : {};
  const metadata = mergeMetadata({
    base: {
      title: renderTemplate(template.title, values),
      description: renderTemplate(template.description, values),
      tags: template.tags.map((tag) => renderTemplate(tag, values)),
      categoryId: template.categoryId,
      privacy: template.privacy,
      playlistId: template.playlistId,
      madeForKids: template.madeForKids,
      containsSyntheticMedia: template.containsSyntheticMedia,
    },
    preset: preset?.fields ?? null,
    sidecar: fields,
  });
  const issues = metadataIssues(metadata);
  if (issues.length === 0) return { ok: true, metadata };
  const described = issues.map((issue) => {
    const fromSidecar = sidecar && Object.hasOwn(fields, issue.field);
    const fromPreset =
      preset &&
      (Object.hasOwn(preset.fields, issue.field) ||
        (issue.field === 'description' && preset.fields.descriptionFooter));
    const line = lines[issue.field];
    const where = fromSidecar
      ? `${baseName(sidecar.file)}${line ? `, line ${line}` : ''}`
      : fromPreset
        ? `preset "${preset.name}"`
        : 'the folder template';
    return `${where}, field "${issue.field}": ${issue.message}.`;
  });
  return { ok: false, message: described.join(' ') };
}
