import { affordOrReject, authenticate, requireParts, scopeSets, type Caller } from './api-auth.ts';
import type { SandboxContext } from './context.ts';
import { sendApiError } from './errors.ts';
import { sendJson, type Exchange } from './http-io.ts';
import type { QuotaMethod } from './quota.ts';
import { channelResource, listResponse, playlistResource, videoResource } from './resources.ts';

const ids = (ex: Exchange) =>
  ex.url.searchParams
    .getAll('id')
    .join(',')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Shared front of every list call: token, parts, quota, and exactly one filter. */
function begin(
  ctx: SandboxContext,
  ex: Exchange,
  method: QuotaMethod,
  allowedParts: string[],
  filters: string[],
): { caller: Caller; parts: string[] } | null {
  const caller = authenticate(ctx, ex, scopeSets.read);
  if (!caller) return null;
  const parts = requireParts(ex, allowedParts);
  if (!parts) return null;
  if (!affordOrReject(ctx, ex, caller, method)) return null;
  if (!filters.some((f) => ex.url.searchParams.has(f))) {
    ctx.quota.chargeInvalid(caller.projectId, method);
    sendApiError(
      ex.res,
      400,
      'missingRequiredParameter',
      `No filter selected. Expected one of: ${filters.join(', ')}`,
      'youtube.parameter',
    );
    return null;
  }
  ctx.quota.charge(caller.projectId, method);
  return { caller, parts };
}

/** GET /youtube/v3/channels (mine=true returns the channel chosen at consent). */
export function handleChannelsList(ctx: SandboxContext, ex: Exchange): void {
  const started = begin(
    ctx,
    ex,
    'channels.list',
    ['id', 'snippet', 'contentDetails', 'statistics', 'status'],
    ['mine', 'id', 'forHandle'],
  );
  if (!started) return;
  const { caller, parts } = started;
  const q = ex.url.searchParams;
  const wanted =
    q.get('mine') === 'true'
      ? [caller.channel]
      : q.has('forHandle')
        ? [...ctx.world.channels.values()].filter(
            (c) =>
              c.seed.handle.toLowerCase() ===
              `@${q.get('forHandle')!.replace(/^@/, '')}`.toLowerCase(),
          )
        : ids(ex).flatMap((id) => ctx.world.channel(id) ?? []);
  const items = wanted.map((c) =>
    channelResource(c, parts, ctx.baseUrl, ctx.world.videosOf(c.seed.id).length),
  );
  sendJson(ex.res, 200, listResponse('youtube#channelListResponse', items));
}

/** GET /youtube/v3/videos?id=...: others' private videos stay invisible. */
export function handleVideosList(ctx: SandboxContext, ex: Exchange): void {
  const allowed = [
    'id',
    'snippet',
    'status',
    'contentDetails',
    'statistics',
    'processingDetails',
    'fileDetails',
    'recordingDetails',
  ];
  const started = begin(ctx, ex, 'videos.list', allowed, ['id']);
  if (!started) return;
  const { caller, parts } = started;
  const items = ids(ex)
    .flatMap((id) => ctx.world.videos.get(id) ?? [])
    .filter((v) => v.channelId === caller.channel.seed.id || v.status.privacyStatus !== 'private')
    .map((v) => {
      const own = v.channelId === caller.channel.seed.id;
      const visible = own
        ? parts
        : parts.filter((p) => p !== 'fileDetails' && p !== 'processingDetails');
      return videoResource(v, visible, ctx.baseUrl, ctx.world.channel(v.channelId)!.seed.title);
    });
  sendJson(ex.res, 200, listResponse('youtube#videoListResponse', items));
}

/** GET /youtube/v3/playlists?mine=true|id=... */
export function handlePlaylistsList(ctx: SandboxContext, ex: Exchange): void {
  const started = begin(
    ctx,
    ex,
    'playlists.list',
    ['id', 'snippet', 'status', 'contentDetails'],
    ['mine', 'id', 'channelId'],
  );
  if (!started) return;
  const { caller, parts } = started;
  const q = ex.url.searchParams;
  const own = caller.channel.seed.id;
  const found =
    q.get('mine') === 'true'
      ? ctx.world.playlistsOf(own)
      : q.has('channelId')
        ? ctx.world.playlistsOf(q.get('channelId')!).filter((p) => p.privacyStatus !== 'private')
        : ids(ex)
            .flatMap((id) => ctx.world.playlists.get(id) ?? [])
            .filter((p) => p.channelId === own || p.privacyStatus !== 'private');
  const items = found.map((p) =>
    playlistResource(p, parts, ctx.world.channel(p.channelId)!.seed.title),
  );
  sendJson(ex.res, 200, listResponse('youtube#playlistListResponse', items));
}
