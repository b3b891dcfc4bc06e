import { z } from 'zod';

/**
 * A video's metadata as the user gives it (UI, CLI flags, sidecar files,
 * folder templates). Limits from google-facts.md are checked separately by
 * the upload engine so every broken rule can be reported by field.
 */
export const PrivacySchema = z.enum(['private', 'unlisted', 'public']);
export type Privacy = z.infer<typeof PrivacySchema>;

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
});
export type VideoMetadata = z.infer<typeof VideoMetadataSchema>;
