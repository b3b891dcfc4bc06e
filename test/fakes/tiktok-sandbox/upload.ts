import { chunkRanges } from './chunk-rules.ts';
import { sendApi, type Exchange } from './http-io.ts';
import type { TikTokWorld, Upload } from './state.ts';

const TYPES = new Set(['video/mp4', 'video/quicktime', 'video/webm']);

function refuse(ex: Exchange, status: number, code: string, message: string): void {
  ex.req.resume();
  sendApi(ex.res, status, {}, code, message);
}

/**
 * PUT upload_url: one chunk per request, in order, with Content-Range. A
 * chunk that arrives whole is acknowledged (206, the last 201). The last
 * acknowledged chunk may come again (its answer was lost): it is taken once
 * more and counted, never doubled in the video.
 */
export async function putChunk(world: TikTokWorld, ex: Exchange): Promise<void> {
  const upload = world.uploadByToken(ex.url.searchParams.get('upload_token') ?? '');
  if (!upload || ex.req.method !== 'PUT')
    return refuse(ex, 404, 'invalid_params', 'No upload at this URL.');
  if (upload.status !== 'PROCESSING_UPLOAD' || upload.expiresAt <= world.clock.now()) {
    if (upload.status === 'PROCESSING_UPLOAD') {
      upload.status = 'FAILED';
      upload.failReason = 'upload_url_expired';
    }
    return refuse(
      ex,
      403,
      'upload_url_expired',
      'This upload_url is no longer valid; initialize a new upload.',
    );
  }
  const type = (ex.req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!TYPES.has(type))
    return refuse(
      ex,
      415,
      'invalid_file_upload',
      `Content-Type must be a video type (video/mp4, video/quicktime, video/webm), got "${type}".`,
    );
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(ex.req.headers['content-range'] ?? ''));
  if (!m)
    return refuse(ex, 400, 'invalid_params', 'Content-Range must be "bytes FIRST-LAST/TOTAL".');
  const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (total !== upload.videoSize)
    return refuse(
      ex,
      400,
      'invalid_params',
      `Content-Range total ${total} is not video_size ${upload.videoSize}.`,
    );
  const ranges = chunkRanges(upload);
  const index = ranges.findIndex((r) => r.start === first);
  const range = ranges[index];
  if (!range || range.end - 1 !== last)
    return refuse(
      ex,
      400,
      'invalid_params',
      `bytes ${first}-${last} is not one of the declared chunks.`,
    );
  const acked = upload.chunks.length;
  if (index !== acked && index !== acked - 1)
    return refuse(
      ex,
      416,
      'invalid_params',
      `Chunks must be uploaded in order: expected chunk ${acked} (bytes ${ranges[acked]?.start ?? upload.videoSize}-).`,
    );
  if (Number(ex.req.headers['content-length']) !== last - first + 1)
    return refuse(ex, 400, 'invalid_params', 'Content-Length must be the size of this chunk.');
  const body = await receive(world, ex, index, last - first + 1);
  if (!body) return;
  upload.receipts[index]! += 1;
  if (index === acked) upload.chunks.push(body);
  else upload.chunks[index] = body;
  const drop = world.faults.dropAfterChunk;
  if (drop && (drop.chunkIndex === undefined || drop.chunkIndex === index)) {
    world.faults.dropAfterChunk = null;
    if (upload.chunks.length === upload.totalChunkCount) world.complete(upload);
    ex.req.socket.destroy();
    return;
  }
  if (upload.chunks.length === upload.totalChunkCount && !upload.postId) {
    world.complete(upload);
    ex.res.writeHead(201, { 'content-length': 0 });
    return void ex.res.end();
  }
  ex.res.writeHead(206, {
    'content-length': 0,
    'content-range': `bytes 0-${upload.chunks.reduce((n, c) => n + c.length, 0) - 1}/${upload.videoSize}`,
  });
  ex.res.end();
}

/** The chunk's bytes, or null when the connection ended (or a fault cut it) before all came. */
async function receive(
  world: TikTokWorld,
  ex: Exchange,
  index: number,
  length: number,
): Promise<Buffer | null> {
  const drop = world.faults.dropChunk;
  const cutAt =
    drop && (drop.chunkIndex === undefined || drop.chunkIndex === index)
      ? drop.afterBytes
      : Infinity;
  if (cutAt !== Infinity) world.faults.dropChunk = null;
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const part of ex.req as AsyncIterable<Buffer>) {
      parts.push(part);
      size += part.length;
      if (size >= cutAt) {
        ex.req.socket.destroy();
        return null;
      }
      if (size > length) {
        refuse(ex, 400, 'invalid_params', 'The body is longer than Content-Range says.');
        return null;
      }
    }
  } catch {
    return null;
  }
  if (size !== length) return null;
  return Buffer.concat(parts);
}

export type { Upload };
