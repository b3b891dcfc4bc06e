// zod/mini: the renderer loads this file (the Add upload form's preset picker).
import * as z from 'zod/mini';
import {
  LocalizationSchema,
  PrivacySchema,
  VideoMetadataSchema,
  type VideoMetadata,
} from '../domain/metadata.ts';
import { ScheduleChoiceSchema, type ScheduleChoice } from '../domain/schedule-spec.ts';

export { ScheduleChoiceSchema, type ScheduleChoice };

/**
 * A preset's fields: the sidecar's names, plus a footer appended to the
 * description and a schedule. Every field is optional; what is missing comes
 * from the next layer (see mergeMetadata).
 */
export const PresetFieldsSchema = z.strictObject({
  descriptionFooter: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  categoryId: z.optional(z.string()),
  playlistId: z.optional(z.nullable(z.string())),
  privacy: z.optional(PrivacySchema),
  madeForKids: z.optional(z.boolean()),
  containsSyntheticMedia: z.optional(z.boolean()),
  defaultLanguage: z.optional(z.nullable(z.string())),
  localizations: z.optional(z.record(z.string(), LocalizationSchema)),
  schedule: z.optional(z.nullable(ScheduleChoiceSchema)),
});
export type PresetFields = z.infer<typeof PresetFieldsSchema>;

export const presetNamePattern = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u;

export const PresetSchema = z.object({
  name: z.string().check(z.regex(presetNamePattern)),
  /** null: a global preset, offered for every channel. */
  channelId: z.nullable(z.string()),
  fields: PresetFieldsSchema,
  updatedAt: z.string(),
});
export type Preset = z.infer<typeof PresetSchema>;

/** Metadata fields a layer may set (a sidecar's, a folder template's, the user's own). */
export type MetadataLayer = Partial<VideoMetadata>;

/**
 * The documented merge order: the preset first, then the sidecar, then the
 * fields given explicitly (CLI flags, the form); a later layer replaces a
 * field of an earlier one whole (tags included). The preset's footer is
 * appended to the final description, after a blank line.
 */
export function mergeMetadata(layers: {
  base?: MetadataLayer;
  preset?: PresetFields | null;
  sidecar?: MetadataLayer | null;
  explicit?: MetadataLayer | null;
}): VideoMetadata {
  const { descriptionFooter, schedule: _schedule, ...presetFields } = layers.preset ?? {};
  const merged = {
    ...layers.base,
    ...presetFields,
    ...layers.sidecar,
    ...layers.explicit,
  };
  const metadata = VideoMetadataSchema.parse({ title: '', ...merged });
  if (descriptionFooter && descriptionFooter.trim() !== '')
    metadata.description = withFooter(metadata.description, descriptionFooter);
  return metadata;
}

export function withFooter(description: string, footer: string): string {
  const body = description.trimEnd();
  if (body.endsWith(footer.trim())) return description;
  return body === '' ? footer.trim() : `${body}\n\n${footer.trim()}`;
}

/** The preset for a channel: its own of that name, else the global one. */
export function pickPreset<P extends { name: string; channelId: string | null }>(
  presets: readonly P[],
  name: string,
  channelId: string | null,
): P | undefined {
  return (
    presets.find((p) => p.name === name && p.channelId !== null && p.channelId === channelId) ??
    presets.find((p) => p.name === name && p.channelId === null)
  );
}
