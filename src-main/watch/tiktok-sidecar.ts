import { z } from 'zod';
import { TIKTOK_CAPTION_MAX } from '../../src-shared/domain/tiktok.ts';

/**
 * A sidecar's `tiktok:` section: what TikTok destinations of the video use.
 * Whether the account allows it (privacy among creator_info's options,
 * interactions it turned off) is checked before the upload starts.
 */
export const tiktokSidecarSchema = z
  .object({
    caption: z.string().max(TIKTOK_CAPTION_MAX).optional(),
    privacy: z
      .enum(['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'])
      .optional(),
    disableComment: z.boolean().default(false),
    disableDuet: z.boolean().default(false),
    disableStitch: z.boolean().default(false),
    coverTimestampMs: z.number().int().nonnegative().default(0),
    mode: z.enum(['direct', 'inbox']).default('direct'),
  })
  .strict();
