import { chunkRuleBroken } from './chunk-rules.ts';
import { readBody, sendApi, type Exchange } from './http-io.ts';
import type { PrivacyLevel } from './seed.ts';
import { randomId, type Grant, type PostInfo, type TikTokWorld } from './state.ts';

const PRIVACY: PrivacyLevel[] = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
];
const TITLE_MAX = 2200;

type Endpoint = 'init' | 'status' | 'creatorInfo';

/** The bearer's grant with `scope`, or an answer already sent (401 / 429). */
function authorizeCall(
  world: TikTokWorld,
  ex: Exchange,
  scopes: string[],
  endpoint: Endpoint,
): Grant | null {
  const header = ex.req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const grant = world.grantFor(token);
  if (!grant) {
    sendApi(
      ex.res,
      401,
      {},
      'access_token_invalid',
      'The access token is invalid or not found in the request.',
    );
    return null;
  }
  if (!scopes.some((s) => grant.scopes.includes(s))) {
    sendApi(
      ex.res,
      401,
      {},
      'scope_not_authorized',
      `The user did not authorize the scope required (${scopes.join(' or ')}).`,
    );
    return null;
  }
  if (world.overLimit(token, endpoint)) {
    sendApi(
      ex.res,
      429,
      {},
      'rate_limit_exceeded',
      'The API rate limit was exceeded. Please try again later.',
    );
    return null;
  }
  return grant;
}

async function readJson(ex: Exchange): Promise<Record<string, unknown> | null> {
  const text = (await readBody(ex.req)).toString('utf8');
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** POST /v2/post/publish/creator_info/query/ */
export async function creatorInfo(world: TikTokWorld, ex: Exchange): Promise<void> {
  await readBody(ex.req);
  const grant = authorizeCall(world, ex, ['video.publish'], 'creatorInfo');
  if (!grant) return;
  const a = world.accounts.get(grant.openId)!;
  sendApi(ex.res, 200, {
    creator_avatar_url: a.avatarUrl,
    creator_username: a.username,
    creator_nickname: a.nickname,
    privacy_level_options: a.privacyLevelOptions,
    comment_disabled: a.commentDisabled,
    duet_disabled: a.duetDisabled,
    stitch_disabled: a.stitchDisabled,
    max_video_post_duration_sec: a.maxVideoPostDurationSec,
  });
}

function invalid(ex: Exchange, message: string): void {
  sendApi(ex.res, 400, {}, 'invalid_params', message);
}

function parsePostInfo(
  world: TikTokWorld,
  grant: Grant,
  raw: unknown,
  ex: Exchange,
): PostInfo | null {
  if (!raw || typeof raw !== 'object') {
    invalid(ex, 'post_info is required for a direct post');
    return null;
  }
  const p = raw as Record<string, unknown>;
  const account = world.accounts.get(grant.openId)!;
  const app = world.apps.get(grant.clientKey)!;
  const title = p.title ?? '';
  if (typeof title !== 'string' || title.length > TITLE_MAX) {
    invalid(ex, `post_info.title must be a string of at most ${TITLE_MAX} characters`);
    return null;
  }
  const privacy = p.privacy_level as PrivacyLevel;
  if (!PRIVACY.includes(privacy)) {
    invalid(ex, 'post_info.privacy_level must be one of ' + PRIVACY.join(', '));
    return null;
  }
  if (!account.privacyLevelOptions.includes(privacy)) {
    sendApi(
      ex.res,
      400,
      {},
      'privacy_level_option_mismatch',
      `privacy_level ${privacy} is not among this creator's privacy_level_options`,
    );
    return null;
  }
  if (!app.audited && privacy !== 'SELF_ONLY') {
    sendApi(
      ex.res,
      403,
      {},
      'unaudited_client_can_only_post_to_private_accounts',
      'An unaudited client can only post SELF_ONLY content.',
    );
    return null;
  }
  const flags = {
    disable_comment: account.commentDisabled,
    disable_duet: account.duetDisabled,
    disable_stitch: account.stitchDisabled,
  };
  for (const [field, forced] of Object.entries(flags)) {
    const v = p[field] ?? false;
    if (typeof v !== 'boolean') {
      invalid(ex, `post_info.${field} must be a boolean`);
      return null;
    }
    if (forced && !v) {
      invalid(ex, `post_info.${field} must be true: the creator turned it off in TikTok`);
      return null;
    }
  }
  const cover = p.video_cover_timestamp_ms ?? 0;
  if (!Number.isSafeInteger(cover) || (cover as number) < 0) {
    invalid(ex, 'post_info.video_cover_timestamp_ms must be a non-negative integer');
    return null;
  }
  return {
    title,
    privacyLevel: privacy,
    disableComment: Boolean(p.disable_comment),
    disableDuet: Boolean(p.disable_duet),
    disableStitch: Boolean(p.disable_stitch),
    videoCoverTimestampMs: cover as number,
  };
}

/** POST /v2/post/publish/video/init/ (direct) and /v2/post/publish/inbox/video/init/ (draft). */
export async function initUpload(
  world: TikTokWorld,
  ex: Exchange,
  mode: 'direct' | 'inbox',
  baseUrl: string,
): Promise<void> {
  const body = await readJson(ex);
  const grant = authorizeCall(
    world,
    ex,
    [mode === 'direct' ? 'video.publish' : 'video.upload'],
    'init',
  );
  if (!grant) return;
  if (body === null) return invalid(ex, 'the body is not a JSON object');
  const source = (body.source_info ?? {}) as Record<string, unknown>;
  if (source.source !== 'FILE_UPLOAD')
    return invalid(
      ex,
      'source_info.source must be FILE_UPLOAD (this sandbox does not pull from URLs)',
    );
  const declaration = {
    videoSize: source.video_size as number,
    chunkSize: source.chunk_size as number,
    totalChunkCount: source.total_chunk_count as number,
  };
  const broken = chunkRuleBroken(declaration);
  if (broken) return invalid(ex, broken);
  const postInfo = mode === 'direct' ? parsePostInfo(world, grant, body.post_info, ex) : null;
  if (mode === 'direct' && !postInfo) return;
  const publishId = randomId(mode === 'direct' ? 'v_pub_file~v2.' : 'v_inbox_file~v2.', 9);
  const uploadToken = randomId('', 18);
  world.uploads.set(publishId, {
    publishId,
    uploadToken,
    openId: grant.openId,
    clientKey: grant.clientKey,
    mode,
    ...declaration,
    postInfo,
    chunks: [],
    receipts: new Array<number>(declaration.totalChunkCount).fill(0),
    expiresAt: world.clock.now() + world.config.uploadUrlLifetimeSec * 1000,
    status: 'PROCESSING_UPLOAD',
    failReason: '',
    postId: null,
  });
  sendApi(ex.res, 200, {
    publish_id: publishId,
    upload_url: `${baseUrl}/upload/?upload_id=${encodeURIComponent(publishId)}&upload_token=${uploadToken}`,
  });
}

/** POST /v2/post/publish/status/fetch/ */
export async function fetchStatus(world: TikTokWorld, ex: Exchange): Promise<void> {
  const body = await readJson(ex);
  const grant = authorizeCall(world, ex, ['video.publish', 'video.upload'], 'status');
  if (!grant) return;
  const upload = world.uploads.get(String(body?.publish_id ?? ''));
  if (!upload || upload.openId !== grant.openId)
    return invalid(ex, 'publish_id is unknown for this user');
  if (upload.status === 'PROCESSING_UPLOAD' && upload.expiresAt <= world.clock.now()) {
    upload.status = 'FAILED';
    upload.failReason = 'upload_url_expired';
  }
  const received = upload.chunks.reduce((n, c) => n + c.length, 0);
  const isPublic = upload.postInfo?.privacyLevel === 'PUBLIC_TO_EVERYONE';
  sendApi(ex.res, 200, {
    status: upload.status,
    ...(upload.failReason ? { fail_reason: upload.failReason } : {}),
    publicaly_available_post_id: upload.postId && isPublic ? [upload.postId] : [],
    uploaded_bytes: received,
  });
}
