// zod/mini, not zod: the renderer loads this file, and the mini build keeps the
// UI bundle small. Classic schemas elsewhere compose these ones as they are.
import * as z from 'zod/mini';
import { TikTokSettingsSchema } from './tiktok.ts';

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
  description: z._default(z.string(), ''),
});
export type Localization = z.infer<typeof LocalizationSchema>;

export const VideoMetadataSchema = z.object({
  title: z.string(),
  description: z._default(z.string(), ''),
  tags: z._default(z.array(z.string()), []),
  categoryId: z._default(z.string(), '22'),
  privacy: z._default(PrivacySchema, 'private'),
  /** ISO 8601; only valid with privacy "private". */
  publishAt: z._default(z.nullable(z.string()), null),
  playlistId: z._default(z.nullable(z.string()), null),
  madeForKids: z._default(z.boolean(), false),
  containsSyntheticMedia: z._default(z.boolean(), false),
  /** BCP-47 language of title and description (snippet.defaultLanguage); needed with localizations. */
  defaultLanguage: z._default(z.nullable(z.string()), null),
  /** BCP-47 tag -> title and description in that language. */
  localizations: z._default(z.record(z.string(), LocalizationSchema), {}),
  /** Settings for TikTok destinations (the sidecar's `tiktok:` section); YouTube ignores them. */
  tiktok: z.optional(TikTokSettingsSchema),
});
export type VideoMetadata = z.infer<typeof VideoMetadataSchema>;
