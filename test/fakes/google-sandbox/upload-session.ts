import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, truncate } from 'node:fs/promises';
import { CHUNK_MULTIPLE } from './config.ts';
import type { SandboxContext } from './context.ts';
import { sendApiError } from './errors.ts';
import { discardBody, sendJson, type Exchange } from './http-io.ts';
import { videoResource } from './resources.ts';
import { receiveBody } from './upload-body.ts';
import { newId, type StoredVideo, type UploadSession } from './world.ts';

type Range =
  | { kind: 'status'; total: number | null }
  | { kind: 'chunk'; first: number; last: number; total: number | null };

function parseContentRange(header: string | undefined, contentLength: number | null): Range | null {
  if (header === undefined)
    // No Content-Range: the whole file in this one request, or a bare status query.
    return contentLength
      ? { kind: 'chunk', first: 0, last: contentLength - 1, total: contentLength }
      : { kind: 'status', total: null };
  const status = /^bytes \*\/(\d+|\*)$/.exec(header.trim());
  if (status) return { kind: 'status', total: status[1] === '*' ? null : Number(status[1]) };
  const chunk = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (!chunk) return null;
  const [first, last] = [Number(chunk[1]), Number(chunk[2])];
  if (last < first) return null;
  return { kind: 'chunk', first, last, total: chunk[3] === '*' ? null : Number(chunk[3]) };
}

function sendIncomplete(ex: Exchange, session: UploadSession): void {
  const headers: Record<string, string | number> = {
    'content-length': 0,
    'x-guploader-uploadid': session.id,
  };
  if (session.received > 0) headers.range = `bytes=0-${session.received - 1}`;
  ex.res.writeHead(308, headers);
  ex.res.end();
}

function sendCompleted(
  ctx: SandboxContext,
  ex: Exchange,
  video: StoredVideo,
  parts: string[],
): void {
  const channelTitle = ctx.world.channel(video.channelId)!.seed.title;
  sendJson(ex.res, 200, videoResource(video, parts, ctx.baseUrl, channelTitle), {
    'x-guploader-uploadid': video.uploadId,
  });
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function complete(ctx: SandboxContext, session: UploadSession): Promise<StoredVideo> {
  const client = ctx.oauth.clients.get(session.clientId);
  const lockedPrivate = client?.audited === false && session.status.privacyStatus !== 'private';
  const video: StoredVideo = {
    id: newId(11),
    channelId: session.channelId,
    clientId: session.clientId,
    uploadId: session.id,
    snippet: session.snippet,
    // Unaudited API projects: every upload is locked private, whatever was asked.
    status: lockedPrivate ? { ...session.status, privacyStatus: 'private' } : session.status,
    recordingDetails: session.recordingDetails,
    localizations: session.localizations,
    captions: [],
    everPublished: !lockedPrivate && session.status.privacyStatus !== 'private',
    lockedPrivate,
    byteLength: session.received,
    sha256: await sha256Of(session.filePath),
    contentType: session.contentType,
    filePath: session.filePath,
    publishedAt: new Date(ctx.clock.now()).toISOString(),
    thumbnail: null,
  };
  ctx.world.videos.set(video.id, video);
  ctx.world.channel(session.channelId)!.uploadTimes.push(ctx.clock.now());
  session.completedVideoId = video.id;
  return video;
}

/** PUT (or POST) on a session URI: a chunk, or a status query with `bytes *\/TOTAL`. */
export async function handleUploadSession(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const session = ctx.world.sessions.get(ex.url.searchParams.get('upload_id') ?? '');
  if (!session || session.expiresAt <= ctx.clock.now()) {
    discardBody(ex.req);
    ex.res.setHeader('connection', 'close');
    return sendApiError(ex.res, 404, 'notFound', 'Not Found');
  }
  ex.channelId = session.channelId;
  // One live request per session, the newest: an older one still reading (a throttled body whose
  // client has gone) is dropped, and a status query answers once its bytes are accounted for.
  while (session.inFlight) {
    session.supersede?.abort();
    await session.inFlight;
  }
  let done!: () => void;
  session.inFlight = new Promise((resolve) => (done = resolve));
  const supersede = new AbortController();
  session.supersede = supersede;
  try {
    await handleLocked(ctx, ex, session, supersede.signal);
  } finally {
    session.inFlight = null;
    session.supersede = null;
    done();
  }
}

async function handleLocked(
  ctx: SandboxContext,
  ex: Exchange,
  session: UploadSession,
  superseded: AbortSignal,
): Promise<void> {
  const badRequest = (message: string) => {
    discardBody(ex.req);
    ex.res.setHeader('connection', 'close');
    sendApiError(ex.res, 400, 'badRequest', message);
  };
  if (session.completedVideoId) {
    discardBody(ex.req);
    return sendCompleted(ctx, ex, ctx.world.videos.get(session.completedVideoId)!, session.parts);
  }
  const lengthHeader = ex.req.headers['content-length'];
  const contentLength = lengthHeader === undefined ? null : Number(lengthHeader);
  const range = parseContentRange(ex.req.headers['content-range'], contentLength);
  if (!range) return badRequest(`Invalid Content-Range: ${ex.req.headers['content-range']}`);
  if (
    range.total !== null &&
    session.declaredLength !== null &&
    range.total !== session.declaredLength
  )
    return badRequest(
      `Content-Range total ${range.total} differs from X-Upload-Content-Length ${session.declaredLength}`,
    );
  if (range.total !== null && range.total > ctx.config.maxUploadBytes) {
    discardBody(ex.req);
    return sendApiError(
      ex.res,
      413,
      'uploadTooLarge',
      `Media larger than: ${ctx.config.maxUploadBytes}`,
    );
  }
  if (range.kind === 'status') {
    discardBody(ex.req);
    return sendIncomplete(ex, session);
  }
  const size = range.last - range.first + 1;
  const final = range.total !== null && range.last + 1 === range.total;
  if (range.total !== null && range.last + 1 > range.total)
    return badRequest('Content-Range end is past the total size');
  if (contentLength !== null && contentLength !== size)
    return badRequest(
      `Content-Length ${contentLength} does not match Content-Range (${size} bytes)`,
    );
  if (!final && size % CHUNK_MULTIPLE !== 0)
    return badRequest(
      `Invalid request. The number of bytes uploaded is required to be equal or greater than ${CHUNK_MULTIPLE}, except for the final request (it's recommended to be the exact multiple of ${CHUNK_MULTIPLE}). The received request contained ${size} bytes, which does not meet this requirement.`,
    );
  if (range.first > session.received)
    return badRequest(
      `Invalid request. Content-Range starts at ${range.first} but the server holds ${session.received} bytes.`,
    );

  const file = await open(session.filePath, 'r+');
  let received;
  try {
    received = await receiveBody(ex.req, file, {
      position: session.received,
      skip: session.received - range.first,
      expected: size,
      dropAfter: ctx.faults.takeDrop(),
      bandwidthBytesPerSec: ctx.faults.bandwidthBytesPerSec,
      superseded,
    });
  } finally {
    await file.close();
  }
  session.bodyBytes += received.seen;
  if (received.incomplete) {
    // Like Google, keep only whole 256 KiB units of a request that did not arrive whole.
    const granule = ctx.config.persistGranularity;
    const kept = Math.max(
      session.received,
      Math.floor((session.received + received.written) / granule) * granule,
    );
    session.received = kept;
    await truncate(session.filePath, kept);
    if (!ex.res.headersSent && !ex.req.socket.destroyed)
      badRequest('The request body ended before the Content-Range end.');
    return;
  }
  session.received += received.written;
  if (range.total !== null && session.received === range.total) {
    const video = await complete(ctx, session);
    // The video is stored; only its answer goes missing (a status query will find it).
    if (ctx.faults.takeFinalAnswerDrop()) return void ex.req.socket.destroy();
    return sendCompleted(ctx, ex, video, session.parts);
  }
  sendIncomplete(ex, session);
}
