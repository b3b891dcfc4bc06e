// zod/mini: the renderer loads this (the Channels screen, the metadata form).
import * as z from 'zod/mini';

export const TikTokPrivacySchema = z.enum([
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
]);
export type TikTokPrivacy = z.infer<typeof TikTokPrivacySchema>;

/** TikTok's caption limit (Direct Post reference: title, UTF-16 runes). */
export const TIKTOK_CAPTION_MAX = 2200;

/**
 * A video's TikTok settings (the sidecar's `tiktok:` section, the CLI's
 * --tiktok-* flags). Checked against the account's creator_info before
 * anything is sent.
 */
export const TikTokSettingsSchema = z.object({
  /** The post's caption; absent: the video's title. */
  caption: z.optional(z.string()),
  /** Absent: the most private level the account offers (SELF_ONLY). */
  privacy: z.optional(TikTokPrivacySchema),
  disableComment: z._default(z.boolean(), false),
  disableDuet: z._default(z.boolean(), false),
  disableStitch: z._default(z.boolean(), false),
  /** The frame shown as the cover, in ms from the start. */
  coverTimestampMs: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  /** `direct`: posted now (video.publish); `inbox`: a draft the creator finishes in TikTok (video.upload). */
  mode: z._default(z.enum(['direct', 'inbox']), 'direct'),
});
export type TikTokSettings = z.infer<typeof TikTokSettingsSchema>;

/** A connected TikTok account as the UI and CLI see it; its destination id is `tiktok:<openId>`. */
export const TikTokAccountSchema = z.object({
  id: z.string(),
  openId: z.string(),
  username: z.string(),
  nickname: z.string(),
  avatarUrl: z.nullable(z.string()),
  status: z.enum(['connected', 'refreshing', 'needs_reconsent', 'disconnected']),
  refreshExpiresAt: z.nullable(z.string()),
  /** What the account may post with this app: creator_info's levels, only SELF_ONLY before TikTok's audit. */
  privacyOptions: z.array(TikTokPrivacySchema),
  /** Why the choices are narrower than the account's own (an unaudited app); null when they are not. */
  postingNote: z.nullable(z.string()),
  commentDisabled: z.boolean(),
  duetDisabled: z.boolean(),
  stitchDisabled: z.boolean(),
  maxVideoPostDurationSec: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
});
export type TikTokAccount = z.infer<typeof TikTokAccountSchema>;

export const TIKTOK_DESTINATION_PREFIX = 'tiktok:';
export const isTikTokDestination = (id: string): boolean =>
  id.startsWith(TIKTOK_DESTINATION_PREFIX);
