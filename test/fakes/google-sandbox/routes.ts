import type { SandboxContext } from './context.ts';
import { sendApiError } from './errors.ts';
import { discardBody, type Exchange } from './http-io.ts';
import { handleAuthorize, handleConsent } from './oauth-authorize.ts';
import { handleRevoke, handleToken } from './oauth-token.ts';
import { handleChannelImage } from './channel-images.ts';
import { handleThumbnailSet } from './thumbnails.ts';
import { handleUploadSession } from './upload-session.ts';
import { handleUploadStart } from './upload-start.ts';
import { handleChannelsList, handlePlaylistsList, handleVideosList } from './youtube-lists.ts';
import { handlePlaylistItemsInsert, handleVideosUpdate } from './youtube-writes.ts';

type Handler = (ctx: SandboxContext, ex: Exchange) => void | Promise<void>;

/** Google's paths, relative to the base URL (see google-facts.md). */
const routes: Record<string, Partial<Record<string, Handler>>> = {
  '/o/oauth2/v2/auth': { GET: handleAuthorize },
  '/o/oauth2/v2/auth/consent': { POST: handleConsent },
  '/token': { POST: handleToken },
  '/revoke': { POST: handleRevoke },
  '/youtube/v3/channels': { GET: handleChannelsList },
  '/youtube/v3/videos': { GET: handleVideosList, PUT: handleVideosUpdate },
  '/youtube/v3/playlists': { GET: handlePlaylistsList },
  '/youtube/v3/playlistItems': { POST: handlePlaylistItemsInsert },
  '/upload/youtube/v3/videos': {
    POST: (ctx, ex) =>
      ex.url.searchParams.has('upload_id')
        ? handleUploadSession(ctx, ex)
        : handleUploadStart(ctx, ex),
    PUT: handleUploadSession,
  },
  '/upload/youtube/v3/thumbnails/set': { POST: handleThumbnailSet },
};

export async function routeRequest(ctx: SandboxContext, ex: Exchange): Promise<void> {
  if (ex.url.pathname.startsWith('/ch/') && ex.req.method === 'GET')
    return handleChannelImage(ctx, ex);
  const byMethod = routes[ex.url.pathname];
  const handler = byMethod?.[ex.req.method ?? ''];
  if (handler) return handler(ctx, ex);
  discardBody(ex.req);
  if (byMethod)
    return sendApiError(ex.res, 405, 'httpMethodNotAllowed', `Method ${ex.req.method} not allowed`);
  sendApiError(ex.res, 404, 'notFound', `Not Found: ${ex.url.pathname}`);
}
