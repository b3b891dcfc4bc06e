import type { TikTokAccount, TikTokPrivacy } from '../../../src-shared/domain/tiktok.ts';
import type { TikTokAccountRecord } from './tiktok-account-repository.ts';

export const UNAUDITED_NOTE =
  'Only private (SELF_ONLY) posts: this TikTok app has not passed TikTok\'s audit, and TikTok restricts everything an unaudited app posts to private viewing. Once TikTok audits the app, turn on "audited" in the TikTok app settings.';

/** The privacy levels this app may use for the account, most private first as the default. */
export function privacyOptions(record: TikTokAccountRecord, audited: boolean): TikTokPrivacy[] {
  const offered = (record.creatorInfo?.privacy_level_options ?? ['SELF_ONLY']) as TikTokPrivacy[];
  if (audited) return offered;
  return offered.includes('SELF_ONLY') ? ['SELF_ONLY'] : [];
}

export function accountView(record: TikTokAccountRecord, audited: boolean): TikTokAccount {
  const info = record.creatorInfo;
  const options = privacyOptions(record, audited);
  return {
    id: `tiktok:${record.openId}`,
    openId: record.openId,
    username: record.username,
    nickname: record.nickname,
    avatarUrl: record.avatarUrl,
    status: record.status,
    refreshExpiresAt: record.refreshExpiresAt
      ? new Date(record.refreshExpiresAt).toISOString()
      : null,
    privacyOptions: options,
    postingNote: audited ? null : UNAUDITED_NOTE,
    commentDisabled: info?.comment_disabled ?? false,
    duetDisabled: info?.duet_disabled ?? false,
    stitchDisabled: info?.stitch_disabled ?? false,
    maxVideoPostDurationSec: info?.max_video_post_duration_sec ?? null,
    lastError: record.lastError,
  };
}
