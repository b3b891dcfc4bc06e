import { affordOrReject, authenticate, requireParts, scopeSets } from './api-auth.ts';
import type { SandboxContext } from './context.ts';
import { sendApiError } from './errors.ts';
import { readBody, sendJson, type Exchange } from './http-io.ts';
import { isProblem, validateLocalizations, validateSnippet, validateStatus } from './metadata.ts';
import type { QuotaMethod } from './quota.ts';
import { playlistItemResource, videoResource } from './resources.ts';
import { newId } from './world.ts';

async function readResource(ex: Exchange): Promise<Record<string, unknown> | null> {
  try {
    const parsed: unknown = JSON.parse((await readBody(ex.req, 1024 * 1024)).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function begin(ctx: SandboxContext, ex: Exchange, method: QuotaMethod, allowedParts: string[]) {
  const caller = authenticate(ctx, ex, scopeSets.write);
  if (!caller) return null;
  const parts = requireParts(ex, allowedParts);
  if (!parts) return null;
  if (!affordOrReject(ctx, ex, caller, method)) return null;
  const reject = (code: number, reason: string, message: string, domain: string) => {
    ctx.quota.chargeInvalid(caller.projectId, method);
    sendApiError(ex.res, code, reason, message, domain);
  };
  return { caller, parts, reject };
}

/** PUT /youtube/v3/videos?part=...: each part sent replaces the stored one whole. */
export async function handleVideosUpdate(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const started = begin(ctx, ex, 'videos.update', [
    'snippet',
    'status',
    'recordingDetails',
    'localizations',
  ]);
  if (!started) return;
  const { caller, parts, reject } = started;
  const body = await readResource(ex);
  if (!body) return reject(400, 'parseError', 'Parse Error', 'global');
  const video = ctx.world.videos.get(String(body.id ?? ''));
  if (!video)
    return reject(
      404,
      'videoNotFound',
      'The video that you are trying to update cannot be found. Check the value of the id field in the request body to ensure that it is correct.',
      'youtube.video',
    );
  if (video.channelId !== caller.channel.seed.id)
    return reject(
      403,
      'forbidden',
      'The video that you are trying to update belongs to another channel.',
      'youtube.video',
    );
  const snippet = parts.includes('snippet')
    ? validateSnippet(body.snippet, 'update')
    : video.snippet;
  if (isProblem(snippet)) return reject(400, snippet.reason, snippet.message, 'youtube.video');
  const status = parts.includes('status')
    ? validateStatus(body.status, video.everPublished)
    : video.status;
  if (isProblem(status)) return reject(400, status.reason, status.message, 'youtube.video');
  const localizations = parts.includes('localizations')
    ? validateLocalizations(body.localizations, snippet)
    : video.localizations;
  if (isProblem(localizations))
    return reject(400, localizations.reason, localizations.message, 'youtube.video');
  ctx.quota.charge(caller.projectId, 'videos.update');
  video.snippet = snippet;
  // A video locked private by an unaudited project stays private.
  video.status = video.lockedPrivate ? { ...status, privacyStatus: 'private' } : status;
  if (video.status.privacyStatus !== 'private') video.everPublished = true;
  video.localizations = localizations;
  if (parts.includes('recordingDetails'))
    video.recordingDetails = (body.recordingDetails as Record<string, unknown>) ?? {};
  sendJson(ex.res, 200, videoResource(video, parts, ctx.baseUrl, caller.channel.seed.title));
}

/** POST /youtube/v3/playlistItems?part=snippet */
export async function handlePlaylistItemsInsert(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const started = begin(ctx, ex, 'playlistItems.insert', ['snippet', 'contentDetails', 'status']);
  if (!started) return;
  const { caller, parts, reject } = started;
  const body = await readResource(ex);
  const snippet = body?.snippet as
    | {
        playlistId?: unknown;
        resourceId?: { kind?: unknown; videoId?: unknown };
        position?: unknown;
      }
    | undefined;
  if (!snippet || typeof snippet.playlistId !== 'string')
    return reject(
      400,
      'playlistIdRequired',
      'The request does not specify a value for the required playlistId property.',
      'youtube.playlistItem',
    );
  const playlist = ctx.world.playlists.get(snippet.playlistId);
  if (!playlist)
    return reject(
      404,
      'playlistNotFound',
      "The playlist identified with the request's playlistId parameter cannot be found.",
      'youtube.playlistItem',
    );
  if (playlist.channelId !== caller.channel.seed.id)
    return reject(
      403,
      'playlistItemsNotAccessible',
      'The request is not properly authorized to insert the specified playlist item.',
      'youtube.playlistItem',
    );
  const videoId = snippet.resourceId?.videoId;
  const video = typeof videoId === 'string' ? ctx.world.videos.get(videoId) : undefined;
  if (snippet.resourceId?.kind !== 'youtube#video' || !video)
    return reject(
      404,
      'videoNotFound',
      'The video that you are trying to add to the playlist cannot be found.',
      'youtube.playlistItem',
    );
  const position = typeof snippet.position === 'number' ? snippet.position : playlist.items.length;
  if (position < 0 || position > playlist.items.length)
    return reject(
      400,
      'invalidPlaylistItemPosition',
      'The request attempts to set the playlist item position to an invalid or unsupported value.',
      'youtube.playlistItem',
    );
  ctx.quota.charge(caller.projectId, 'playlistItems.insert');
  const item = { id: newId(48), videoId: video.id, position };
  playlist.items.splice(position, 0, item);
  playlist.items.forEach((it, index) => (it.position = index));
  sendJson(ex.res, 200, playlistItemResource(playlist, item, video, parts));
}
