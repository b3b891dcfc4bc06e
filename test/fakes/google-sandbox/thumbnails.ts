import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { affordOrReject, authenticate, scopeSets } from './api-auth.ts';
import type { SandboxContext } from './context.ts';
import { sendApiError } from './errors.ts';
import { discardBody, sendJson, type Exchange } from './http-io.ts';
import { etag } from './resources.ts';
import { mediaTypeRefused } from './upload-start.ts';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'];

function looksLikeImage(head: Buffer): boolean {
  const jpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  const png = head
    .subarray(0, 8)
    .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return jpeg || png;
}

/** POST /upload/youtube/v3/thumbnails/set?videoId=...: the image is the whole body (uploadType=media). */
export async function handleThumbnailSet(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const caller = authenticate(ctx, ex, scopeSets.upload);
  if (!caller) return discardBody(ex.req);
  if (!affordOrReject(ctx, ex, caller, 'thumbnails.set')) return discardBody(ex.req);
  const reject = (code: number, reason: string, message: string, domain = 'youtube.thumbnail') => {
    discardBody(ex.req);
    ctx.quota.chargeInvalid(caller.projectId, 'thumbnails.set');
    sendApiError(ex.res, code, reason, message, domain);
  };
  const videoId = ex.url.searchParams.get('videoId');
  if (!videoId) return reject(400, 'required', 'Required parameter: videoId', 'global');
  const video = ctx.world.videos.get(videoId);
  if (!video || video.channelId !== caller.channel.seed.id)
    return reject(
      404,
      'videoNotFound',
      'The video that you are trying to insert a thumbnail image for cannot be found. Check the value of the videoId parameter to ensure that it is correct.',
      'youtube.video',
    );
  if (!caller.channel.seed.canSetCustomThumbnails)
    return reject(
      403,
      'forbidden',
      "The authenticated user doesn't have permissions for uploading and setting custom video thumbnails.",
    );
  const type = (ex.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!IMAGE_TYPES.includes(type))
    return reject(400, 'badContent', mediaTypeRefused(type, IMAGE_TYPES.join(', ')), 'global');
  const limit = ctx.config.thumbnailMaxBytes;
  const declared = Number(ex.req.headers['content-length'] ?? NaN);
  if (declared > limit)
    return reject(413, 'uploadTooLarge', `Media larger than: ${limit}`, 'global');

  // Streamed to disk with a running hash; nothing is stored past the limit.
  const path = join(ctx.filesDir, `thumbnail-${video.id}-${Date.now()}.bin`);
  const file = await open(path, 'w');
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of ex.req as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Keep draining (not storing) so the 413 still reaches the client.
      tooLarge ||= size > limit;
      if (tooLarge) continue;
      if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
      hash.update(chunk);
      await file.write(chunk);
    }
  } finally {
    await file.close();
  }
  const fail = async (
    code: number,
    reason: string,
    message: string,
    domain = 'youtube.thumbnail',
  ) => {
    await rm(path, { force: true });
    reject(code, reason, message, domain);
  };
  if (tooLarge) return fail(413, 'uploadTooLarge', `Media larger than: ${limit}`, 'global');
  if (size === 0)
    return fail(400, 'mediaBodyRequired', 'The request does not include the image content.');
  if (!looksLikeImage(head))
    return fail(400, 'invalidImage', 'The provided image content is invalid.');

  ctx.quota.charge(caller.projectId, 'thumbnails.set');
  video.thumbnail = {
    byteLength: size,
    sha256: hash.digest('hex'),
    contentType: type,
    filePath: path,
    setAt: ctx.clock.now(),
  };
  const url = (name: string) => `${ctx.baseUrl}/vi/${video.id}/${name}.jpg`;
  const items = [
    {
      default: { url: url('default'), width: 120, height: 90 },
      medium: { url: url('mqdefault'), width: 320, height: 180 },
      high: { url: url('hqdefault'), width: 480, height: 360 },
      maxres: { url: url('maxresdefault'), width: 1280, height: 720 },
    },
  ];
  sendJson(ex.res, 200, { kind: 'youtube#thumbnailSetResponse', etag: etag(items), items });
}
