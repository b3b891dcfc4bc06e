import { readRegularFile } from '../base/regular-file.ts';

export const thumbnailLimits = { maxBytes: 2 * 1024 * 1024, width: 1280, height: 720 } as const;
/** A 8K PNG is about 100 MB: no thumbnail source needs more. */
export const THUMBNAIL_SOURCE_BYTES = 128 * 1024 * 1024;

export interface PreparedThumbnail {
  data: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  resized: boolean;
}

/**
 * Google takes at most 2 MB (v3 reference; a newer page says 50 MB, we keep
 * the stricter one). An image that is too big in bytes or pixels is fitted
 * inside 1280x720 with its aspect kept, then re-encoded as JPEG, lowering the
 * quality until it fits.
 */
export async function prepareThumbnail(file: string): Promise<PreparedThumbnail> {
  // Loaded on the first thumbnail, not at every start of the engine and the CLI (libvips is large).
  const { default: sharp } = await import('sharp');
  // The original may be far bigger than Google's 2 MB (it is fitted below), but not without bound.
  const data = await readRegularFile(file, { what: 'thumbnail', maxBytes: THUMBNAIL_SOURCE_BYTES });
  let meta;
  try {
    meta = await sharp(data).metadata();
  } catch {
    throw new Error(
      `The thumbnail ${file} is not an image that can be read (JPEG or PNG expected).`,
    );
  }
  const format = meta.format;
  const fitsPixels =
    (meta.width ?? 0) <= thumbnailLimits.width && (meta.height ?? 0) <= thumbnailLimits.height;
  if (
    data.length <= thumbnailLimits.maxBytes &&
    fitsPixels &&
    (format === 'jpeg' || format === 'png')
  )
    return { data, contentType: format === 'png' ? 'image/png' : 'image/jpeg', resized: false };
  for (const quality of [90, 80, 70, 60, 50, 40]) {
    const out = await sharp(data)
      .rotate()
      .resize(thumbnailLimits.width, thumbnailLimits.height, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality })
      .toBuffer();
    if (out.length <= thumbnailLimits.maxBytes)
      return { data: out, contentType: 'image/jpeg', resized: true };
  }
  throw new Error(`The thumbnail ${file} could not be made smaller than 2 MB.`);
}
