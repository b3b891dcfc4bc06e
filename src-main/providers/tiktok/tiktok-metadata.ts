import type { VideoMetadata } from '../../../src-shared/domain/metadata.ts';
import {
  TIKTOK_CAPTION_MAX,
  type TikTokPrivacy,
  type TikTokSettings,
} from '../../../src-shared/domain/tiktok.ts';
import type { InitBody } from './tiktok-api.ts';

const defaults: TikTokSettings = {
  disableComment: false,
  disableDuet: false,
  disableStitch: false,
  coverTimestampMs: 0,
  mode: 'direct',
};

export interface PostChoice {
  mode: 'direct' | 'inbox';
  postInfo: NonNullable<InitBody['post_info']>;
}

/**
 * The TikTok post for a video, or every problem with it, checked against
 * the account's creator_info (and the app's audit) before anything is sent.
 */
export function tiktokPost(
  metadata: VideoMetadata,
  info: {
    privacy_level_options: string[];
    comment_disabled: boolean;
    duet_disabled: boolean;
    stitch_disabled: boolean;
    max_video_post_duration_sec: number;
  },
  allowed: TikTokPrivacy[],
  opts: { audited: boolean; durationSec: number | null },
): { ok: true; post: PostChoice } | { ok: false; problems: string[] } {
  const s = { ...defaults, ...metadata.tiktok };
  const problems: string[] = [];
  const caption = s.caption ?? metadata.title;
  if ([...caption].length > TIKTOK_CAPTION_MAX)
    problems.push(
      `tiktok.caption is ${[...caption].length} characters; TikTok allows ${TIKTOK_CAPTION_MAX}`,
    );
  const privacy = s.privacy ?? (allowed.includes('SELF_ONLY') ? 'SELF_ONLY' : allowed[0]);
  if (s.mode === 'direct') {
    if (!privacy)
      problems.push('tiktok.privacy: this account offers no privacy level this app may use');
    else if (!allowed.includes(privacy))
      problems.push(
        !opts.audited && privacy !== 'SELF_ONLY'
          ? `tiktok.privacy ${privacy}: this TikTok app has not passed TikTok's audit, so it may only post SELF_ONLY (private)`
          : `tiktok.privacy ${privacy} is not one this account offers (${allowed.join(', ')})`,
      );
    for (const [field, off, name] of [
      ['disableComment', info.comment_disabled, 'comments'],
      ['disableDuet', info.duet_disabled, 'duets'],
      ['disableStitch', info.stitch_disabled, 'stitches'],
    ] as const)
      if (off && !s[field])
        problems.push(
          `tiktok.${field}: the creator turned ${name} off in TikTok, so the post must have them off`,
        );
  }
  if (
    opts.durationSec !== null &&
    info.max_video_post_duration_sec > 0 &&
    opts.durationSec > info.max_video_post_duration_sec
  )
    problems.push(
      `the video is ${Math.round(opts.durationSec)} s; this account may post at most ${info.max_video_post_duration_sec} s`,
    );
  if (opts.durationSec !== null && s.coverTimestampMs > opts.durationSec * 1000)
    problems.push(`tiktok.coverTimestampMs ${s.coverTimestampMs} is after the end of the video`);
  if (problems.length) return { ok: false, problems };
  const forced = (on: boolean, flag: boolean) => on || flag;
  return {
    ok: true,
    post: {
      mode: s.mode,
      postInfo: {
        title: caption,
        privacy_level: privacy ?? 'SELF_ONLY',
        disable_comment: forced(info.comment_disabled, s.disableComment),
        disable_duet: forced(info.duet_disabled, s.disableDuet),
        disable_stitch: forced(info.stitch_disabled, s.disableStitch),
        video_cover_timestamp_ms: s.coverTimestampMs,
      },
    },
  };
}
