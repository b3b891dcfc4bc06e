import type { Privacy } from '../../../src-shared/domain/metadata.ts';
import type { PresetFields } from '../../../src-shared/publishing/preset.ts';

/** The presets editor's text fields; empty means "not set by this preset". */
export interface PresetDraft {
  name: string;
  channelId: string;
  descriptionFooter: string;
  tags: string;
  categoryId: string;
  playlistId: string;
  privacy: '' | Privacy;
  madeForKids: '' | 'yes' | 'no';
  containsSyntheticMedia: '' | 'yes' | 'no';
  defaultLanguage: string;
  /** One per line: `de: Title | Description`. */
  localizations: string;
  schedule: '' | 'channel';
}

export const emptyDraft: PresetDraft = {
  name: '',
  channelId: '',
  descriptionFooter: '',
  tags: '',
  categoryId: '',
  playlistId: '',
  privacy: '',
  madeForKids: '',
  containsSyntheticMedia: '',
  defaultLanguage: '',
  localizations: '',
  schedule: '',
};

const yesNo = (v: boolean | undefined): '' | 'yes' | 'no' =>
  v === undefined ? '' : v ? 'yes' : 'no';

export function draftOf(name: string, channelId: string | null, f: PresetFields): PresetDraft {
  return {
    name,
    channelId: channelId ?? '',
    descriptionFooter: f.descriptionFooter ?? '',
    tags: (f.tags ?? []).join(', '),
    categoryId: f.categoryId ?? '',
    playlistId: f.playlistId ?? '',
    privacy: f.privacy ?? '',
    madeForKids: yesNo(f.madeForKids),
    containsSyntheticMedia: yesNo(f.containsSyntheticMedia),
    defaultLanguage: f.defaultLanguage ?? '',
    localizations: Object.entries(f.localizations ?? {})
      .map(([lang, l]) => `${lang}: ${l.title}${l.description ? ` | ${l.description}` : ''}`)
      .join('\n'),
    schedule: f.schedule === 'channel' ? 'channel' : '',
  };
}

/** The draft as preset fields, or the line of the localizations box that cannot be read. */
export function fieldsOf(d: PresetDraft): { fields: PresetFields } | { problem: string } {
  const fields: PresetFields = {};
  if (d.descriptionFooter.trim()) fields.descriptionFooter = d.descriptionFooter;
  const tags = d.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length) fields.tags = tags;
  if (d.categoryId.trim()) fields.categoryId = d.categoryId.trim();
  if (d.playlistId.trim()) fields.playlistId = d.playlistId.trim();
  if (d.privacy) fields.privacy = d.privacy;
  if (d.madeForKids) fields.madeForKids = d.madeForKids === 'yes';
  if (d.containsSyntheticMedia) fields.containsSyntheticMedia = d.containsSyntheticMedia === 'yes';
  if (d.defaultLanguage.trim()) fields.defaultLanguage = d.defaultLanguage.trim();
  const localizations: Record<string, { title: string; description: string }> = {};
  const lines = d.localizations.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    const m = /^([A-Za-z0-9-]+)\s*:\s*([^|]*)(?:\|(.*))?$/.exec(line);
    if (!m)
      return { problem: `Localizations, line ${i + 1}: write it as "de: Title | Description".` };
    localizations[m[1] as string] = {
      title: (m[2] ?? '').trim(),
      description: (m[3] ?? '').trim(),
    };
  }
  if (Object.keys(localizations).length) fields.localizations = localizations;
  if (d.schedule) fields.schedule = 'channel';
  return { fields };
}
