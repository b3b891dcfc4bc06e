import { z } from 'zod';

/**
 * A video's metadata as the user gives it (UI, CLI flags, sidecar files,
 * folder templates). Limits from google-facts.md are checked separately by
 * the upload engine so every broken rule can be reported by field.
 */
export const PrivacySchema = z.enum(['private', 'unlisted', 'public']);
export type Privacy = z.infer<typeof PrivacySchema>;

/** A title and description in another language (the video's `localizations` part). */
export const LocalizationSchema = z.object({
  title: z.string(),
  description: z.string().default(''),
});
export type Localization = z.infer<typeof LocalizationSchema>;

export const VideoMetadataSchema = z.object({
  title: z.string(),
  description: z.string().default(''),
  tags: z.array(z.string()).default([]),
  categoryId: z.string().default('22'),
  privacy: PrivacySchema.default('private'),
  /** ISO 8601; only valid with privacy "private". */
  publishAt: z.string().nullable().default(null),
  playlistId: z.string().nullable().default(null),
  madeForKids: z.boolean().default(false),
  containsSyntheticMedia: z.boolean().default(false),
  /** BCP-47 language of title and description (snippet.defaultLanguage); needed with localizations. */
  defaultLanguage: z.string().nullable().default(null),
  /** BCP-47 tag -> title and description in that language. */
  localizations: z.record(z.string(), LocalizationSchema).default({}),
});
export type VideoMetadata = z.infer<typeof VideoMetadataSchema>;
