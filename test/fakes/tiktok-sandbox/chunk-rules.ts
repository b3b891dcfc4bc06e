/**
 * TikTok's chunk rules (Media Transfer Guide,
 * https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
 * "MB" is read strictly both ways: a chunk must be at least 5 MiB and at most
 * 64,000,000 bytes, the last at most 128,000,000 bytes, so a client that
 * passes here passes whichever unit TikTok means.
 */
export const MIN_CHUNK = 5 * 1024 * 1024;
export const MAX_CHUNK = 64_000_000;
export const MAX_LAST_CHUNK = 128_000_000;
export const MAX_CHUNKS = 1000;

export interface ChunkDeclaration {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/** Byte ranges [start, end) of each chunk, the remainder merged into the last. */
export function chunkRanges(d: ChunkDeclaration): { start: number; end: number }[] {
  const ranges = [];
  for (let i = 0; i < d.totalChunkCount; i++) {
    const start = i * d.chunkSize;
    const end = i === d.totalChunkCount - 1 ? d.videoSize : start + d.chunkSize;
    ranges.push({ start, end });
  }
  return ranges;
}

/** The first rule the declaration breaks, worded as TikTok's invalid_params message would be; null when it keeps all. */
export function chunkRuleBroken(d: ChunkDeclaration): string | null {
  const { videoSize, chunkSize, totalChunkCount } = d;
  for (const [name, v] of Object.entries({
    video_size: videoSize,
    chunk_size: chunkSize,
    total_chunk_count: totalChunkCount,
  }))
    if (!Number.isSafeInteger(v) || v <= 0) return `${name} must be a positive integer`;
  if (videoSize < MIN_CHUNK) {
    if (chunkSize !== videoSize || totalChunkCount !== 1)
      return 'a video under 5 MB must be uploaded whole: chunk_size equal to video_size and total_chunk_count 1';
    return null;
  }
  if (chunkSize < MIN_CHUNK) return 'chunk_size must be at least 5 MB';
  if (chunkSize > MAX_CHUNK && !(totalChunkCount === 1 && chunkSize === videoSize))
    return 'chunk_size must be at most 64 MB';
  if (totalChunkCount !== Math.floor(videoSize / chunkSize))
    return 'total_chunk_count must be video_size divided by chunk_size, rounded down';
  if (totalChunkCount < 1 || totalChunkCount > MAX_CHUNKS)
    return 'total_chunk_count must be between 1 and 1000';
  if (videoSize > MAX_CHUNK && totalChunkCount < 2)
    return 'a video over 64 MB must be uploaded in several chunks';
  const last = videoSize - (totalChunkCount - 1) * chunkSize;
  if (last > MAX_LAST_CHUNK) return 'the last chunk may be at most 128 MB';
  return null;
}
