import type { ThumbnailCheck } from '../../src-shared/api/job-edits.ts';
import { FileRefusal, readRegularFile } from '../base/regular-file.ts';
import { THUMBNAIL_SOURCE_BYTES, prepareThumbnail, thumbnailLimits } from './thumbnail-fit.ts';

const empty = (path: string, problem: string): ThumbnailCheck => ({
  path,
  problem,
  previewUrl: null,
  width: null,
  height: null,
  bytes: null,
  format: null,
  fit: null,
});

/**
 * What the form shows next to a thumbnail: a small preview (a browser tab
 * cannot read the engine's files), its size and pixels, and what fitting it
 * to YouTube's 2 MB and 1280x720 will make of it (the same prepareThumbnail
 * the upload runs, so the numbers are the ones that will be sent).
 */
export async function checkThumbnail(path: string): Promise<ThumbnailCheck> {
  // Read here, bounded and never from a FIFO; sharp then works on the bytes, not the path.
  let data: Buffer;
  try {
    data = await readRegularFile(path, { what: 'thumbnail', maxBytes: THUMBNAIL_SOURCE_BYTES });
  } catch (error) {
    if (error instanceof FileRefusal) return empty(path, error.message);
    throw error;
  }
  const bytes = data.length;
  const { default: sharp } = await import('sharp');
  let meta;
  try {
    meta = await sharp(data).metadata();
  } catch {
    return empty(path, `${path} is not an image that can be read (JPEG or PNG expected)`);
  }
  const preview = await sharp(data)
    .rotate()
    .resize(320, 180, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 72 })
    .toBuffer();
  const base = {
    path,
    problem: null,
    previewUrl: `data:image/jpeg;base64,${preview.toString('base64')}`,
    width: meta.width ?? null,
    height: meta.height ?? null,
    bytes,
    format: meta.format ?? null,
  };
  try {
    const fitted = await prepareThumbnail(path);
    if (!fitted.resized)
      return {
        ...base,
        fit: { resized: false, bytes, width: meta.width ?? 0, height: meta.height ?? 0 },
      };
    const out = await sharp(fitted.data).metadata();
    return {
      ...base,
      fit: {
        resized: true,
        bytes: fitted.data.length,
        width: out.width ?? 0,
        height: out.height ?? 0,
      },
    };
  } catch (error) {
    return { ...base, problem: (error as Error).message, fit: null };
  }
}

export { thumbnailLimits };
