import { createHash } from 'node:crypto';
import { affordOrReject, authenticate, requireParts } from './api-auth.ts';
import { SCOPE_PREFIX, type SandboxContext } from './context.ts';
import { sendApiError } from './errors.ts';
import { BodyTooLargeError, discardBody, readBody, sendJson, type Exchange } from './http-io.ts';
import { isLanguage } from './metadata.ts';
import { etag } from './resources.ts';
import { newId, type StoredCaption } from './world.ts';

/** captions.insert takes only these (its reference's Authorization table); `youtube` alone is not enough. */
const captionScopes = [`${SCOPE_PREFIX}youtube.force-ssl`, `${SCOPE_PREFIX}youtubepartner`];

interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

/** multipart/related as Google's media uploads take it: metadata part, then media part. */
function parseMultipart(body: Buffer, boundary: string): Part[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at === -1) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (body.subarray(at, at + 2).toString() === '\r\n') at += 2;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd === -1) return null;
    const headers: Record<string, string> = {};
    for (const line of body.subarray(at, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0)
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next === -1) return null;
    parts.push({ headers, body: body.subarray(headerEnd + 4, next) });
    at = next + 2;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** POST /upload/youtube/v3/captions?uploadType=multipart&part=snippet */
export async function handleCaptionsInsert(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const uploadType = ex.url.searchParams.get('uploadType');
  if (uploadType !== 'multipart') {
    discardBody(ex.req);
    // Google also takes resumable caption uploads; Dropline sends multipart, so the sandbox speaks that.
    return sendApiError(
      ex.res,
      400,
      'badRequest',
      `The sandbox supports captions.insert with uploadType=multipart only (got ${uploadType ?? 'none'}).`,
    );
  }
  const caller = authenticate(ctx, ex, captionScopes);
  if (!caller) return discardBody(ex.req);
  const parts = requireParts(ex, ['id', 'snippet']);
  if (!parts) return discardBody(ex.req);
  if (!affordOrReject(ctx, ex, caller, 'captions.insert')) return discardBody(ex.req);
  const reject = (code: number, reason: string, message: string, domain = 'youtube.caption') => {
    discardBody(ex.req);
    ctx.quota.chargeInvalid(caller.projectId, 'captions.insert');
    sendApiError(ex.res, code, reason, message, domain);
  };
  const limit = ctx.config.captionMaxBytes;
  const type = ex.req.headers['content-type'] ?? '';
  const boundary = /^multipart\/related;.*boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary)
    return reject(
      400,
      'badContent',
      `Media type '${type}' is not supported for a multipart upload.`,
      'global',
    );
  if (Number(ex.req.headers['content-length'] ?? 0) > limit + 64 * 1024)
    return reject(413, 'uploadTooLarge', `Media larger than: ${limit}`, 'global');
  let body: Buffer;
  try {
    body = await readBody(ex.req, limit + 64 * 1024);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return reject(413, 'uploadTooLarge', `Media larger than: ${limit}`, 'global');
    throw error;
  }
  const multipart = parseMultipart(body, boundary);
  if (!multipart || multipart.length !== 2)
    return reject(
      400,
      'badRequest',
      'Multipart upload needs two parts: the caption resource, then the media.',
      'global',
    );
  const [meta, media] = multipart as [Part, Part];
  let resource: unknown;
  try {
    resource = JSON.parse(meta.body.toString('utf8'));
  } catch {
    return reject(400, 'parseError', 'Parse Error', 'global');
  }
  const snippet = isObject(resource) && isObject(resource.snippet) ? resource.snippet : null;
  const invalid = () =>
    reject(
      400,
      'invalidMetadata',
      'The request contains invalid metadata values, which prevent the track from being created. Confirm that the request specifies valid values for the snippet.language, snippet.name, and snippet.videoId properties. The snippet.isDraft property can also be included, but it is not required.',
    );
  if (!snippet || typeof snippet.videoId !== 'string' || typeof snippet.name !== 'string')
    return invalid();
  if (!isLanguage(snippet.language)) return invalid();
  if (snippet.isDraft !== undefined && typeof snippet.isDraft !== 'boolean') return invalid();
  const video = ctx.world.videos.get(snippet.videoId);
  if (!video || video.channelId !== caller.channel.seed.id)
    return reject(
      404,
      'videoNotFound',
      'The video identified by the videoId parameter could not be found.',
      'youtube.video',
    );
  if (media.body.length > limit)
    return reject(413, 'uploadTooLarge', `Media larger than: ${limit}`, 'global');
  if (media.body.length === 0)
    return reject(
      400,
      'contentRequired',
      'The request does not contain the caption track contents.',
    );
  const language = snippet.language as string;
  if (
    video.captions.some(
      (c) => c.language.toLowerCase() === language.toLowerCase() && c.name === snippet.name,
    )
  )
    return reject(
      409,
      'captionExists',
      'The specified video already has a caption track with the given snippet.language and snippet.name. A video can have multiple tracks for the same language, but each track must have a different name.',
    );
  ctx.quota.charge(caller.projectId, 'captions.insert');
  const caption: StoredCaption = {
    id: newId(43),
    videoId: video.id,
    language,
    name: snippet.name,
    isDraft: snippet.isDraft === true,
    byteLength: media.body.length,
    sha256: createHash('sha256').update(media.body).digest('hex'),
    contentType: media.headers['content-type'] ?? 'application/octet-stream',
    lastUpdated: new Date(ctx.clock.now()).toISOString(),
  };
  video.captions.push(caption);
  const out = {
    id: caption.id,
    snippet: {
      videoId: caption.videoId,
      lastUpdated: caption.lastUpdated,
      trackKind: 'standard',
      language: caption.language,
      name: caption.name,
      audioTrackType: 'unknown',
      isCC: false,
      isLarge: false,
      isEasyReader: false,
      isDraft: caption.isDraft,
      isAutoSynced: false,
      status: 'serving',
    },
  };
  sendJson(ex.res, 200, { kind: 'youtube#caption', etag: etag(out), ...out });
}
