import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { affordOrReject, authenticate, requireParts, scopeSets } from './api-auth.ts';
import type { SandboxContext } from './context.ts';
import { sendApiError } from './errors.ts';
import { BodyTooLargeError, discardBody, readBody, type Exchange } from './http-io.ts';
import { isProblem, validateLocalizations, validateSnippet, validateStatus } from './metadata.ts';
import { newId, type UploadSession } from './world.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const VIDEO_TYPE = /^(video\/[\w.+-]+|application\/octet-stream)$/i;

export function mediaTypeRefused(type: string, valid: string): string {
  return `Media type '${type}' is not supported. Valid media types: [${valid}]`;
}

/** POST /upload/youtube/v3/videos?uploadType=resumable: opens an upload session. */
export async function handleUploadStart(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const q = ex.url.searchParams;
  if (q.get('uploadType') !== 'resumable') {
    discardBody(ex.req);
    // Google also takes multipart and media uploads; the sandbox speaks only the protocol Dropline uses.
    return sendApiError(
      ex.res,
      400,
      'badRequest',
      `The sandbox only supports uploadType=resumable (got ${q.get('uploadType') ?? 'none'}).`,
    );
  }
  const caller = authenticate(ctx, ex, scopeSets.upload);
  if (!caller) return discardBody(ex.req);
  const parts = requireParts(ex, ['snippet', 'status', 'recordingDetails', 'localizations']);
  if (!parts) return discardBody(ex.req);
  if (!affordOrReject(ctx, ex, caller, 'videos.insert')) return discardBody(ex.req);
  const reject = (code: number, reason: string, message: string, domain = 'youtube.video') => {
    discardBody(ex.req);
    ctx.quota.chargeInvalid(caller.projectId, 'videos.insert');
    sendApiError(ex.res, code, reason, message, domain);
  };

  const now = ctx.clock.now();
  const channel = caller.channel;
  channel.uploadTimes = channel.uploadTimes.filter((t) => t > now - DAY_MS);
  if (channel.uploadTimes.length >= channel.seed.dailyUploadCap)
    return reject(
      400,
      'uploadLimitExceeded',
      'The user has exceeded the number of videos they may upload.',
    );

  const lengthHeader = ex.req.headers['x-upload-content-length'];
  let declaredLength: number | null = null;
  if (lengthHeader !== undefined) {
    if (!/^\d+$/.test(String(lengthHeader)))
      return reject(
        400,
        'badRequest',
        `Invalid X-Upload-Content-Length: ${lengthHeader}`,
        'global',
      );
    declaredLength = Number(lengthHeader);
    if (declaredLength > ctx.config.maxUploadBytes)
      return reject(
        413,
        'uploadTooLarge',
        `Media larger than: ${ctx.config.maxUploadBytes}`,
        'global',
      );
  }
  const contentType = String(ex.req.headers['x-upload-content-type'] ?? 'application/octet-stream');
  if (!VIDEO_TYPE.test(contentType))
    return reject(
      400,
      'badContent',
      mediaTypeRefused(contentType, 'video/*, application/octet-stream'),
      'global',
    );

  let resource: Record<string, unknown> = {};
  try {
    const text = (await readBody(ex.req, 1024 * 1024)).toString('utf8');
    if (text.trim()) resource = JSON.parse(text) as Record<string, unknown>;
    if (typeof resource !== 'object' || resource === null || Array.isArray(resource))
      throw new SyntaxError('not an object');
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return reject(413, 'badRequest', 'Metadata too large', 'global');
    return reject(400, 'parseError', 'Parse Error', 'global');
  }
  const snippet = validateSnippet(
    parts.includes('snippet') ? resource.snippet : undefined,
    'insert',
  );
  if (isProblem(snippet)) return reject(400, snippet.reason, snippet.message);
  const status = validateStatus(parts.includes('status') ? resource.status : undefined);
  if (isProblem(status)) return reject(400, status.reason, status.message);
  const localizations = validateLocalizations(
    parts.includes('localizations') ? resource.localizations : undefined,
    snippet,
  );
  if (isProblem(localizations)) return reject(400, localizations.reason, localizations.message);

  ctx.quota.charge(caller.projectId, 'videos.insert');
  const id = newId(32);
  const session: UploadSession = {
    id,
    channelId: channel.seed.id,
    clientId: caller.client.clientId,
    parts,
    snippet,
    status,
    recordingDetails: parts.includes('recordingDetails')
      ? (resource.recordingDetails as Record<string, unknown> | undefined)
      : undefined,
    localizations,
    declaredLength,
    contentType,
    received: 0,
    filePath: join(ctx.filesDir, `upload-${id}.bin`),
    createdAt: now,
    expiresAt: now + ctx.config.uploadSessionLifetimeSec * 1000,
    completedVideoId: null,
    bodyBytes: 0,
    inFlight: null,
    supersede: null,
  };
  writeFileSync(session.filePath, '');
  ctx.world.sessions.set(id, session);
  const location = new URL('/upload/youtube/v3/videos', ctx.baseUrl);
  location.searchParams.set('uploadType', 'resumable');
  location.searchParams.set('part', parts.join(','));
  location.searchParams.set('upload_id', id);
  ex.res.writeHead(200, {
    location: location.toString(),
    'x-guploader-uploadid': id,
    'content-length': 0,
  });
  ex.res.end();
}
