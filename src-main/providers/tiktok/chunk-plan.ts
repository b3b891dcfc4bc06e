/**
 * TikTok's chunk rules (Media Transfer Guide): chunks of 5-64 MB, the last up
 * to 128 MB holding the remainder, a video under 5 MB whole, 1-1000 chunks,
 * total_chunk_count = floor(video_size / chunk_size). "MB" is read the strict
 * way both times (at least 5 MiB, at most 64,000,000 bytes), so the plan holds
 * whichever unit TikTok means.
 */
export const MIN_CHUNK = 5 * 1024 * 1024;
export const MAX_CHUNK = 64_000_000;
export const MAX_LAST_CHUNK = 128_000_000;
export const MAX_CHUNKS = 1000;
export const DEFAULT_CHUNK = 16 * 1024 * 1024;

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/** The plan for a file of `videoSize` bytes, chunks near `preferred`; throws when TikTok cannot take the size. */
export function planChunks(videoSize: number, preferred = DEFAULT_CHUNK): ChunkPlan {
  if (!Number.isSafeInteger(videoSize) || videoSize <= 0)
    throw new RangeError(`video size ${videoSize} is not a positive number of bytes`);
  if (videoSize < MIN_CHUNK) return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  let chunkSize = Math.min(Math.max(preferred, MIN_CHUNK), MAX_CHUNK);
  chunkSize = Math.max(chunkSize, Math.ceil(videoSize / MAX_CHUNKS));
  if (chunkSize > MAX_CHUNK)
    throw new RangeError(
      `a ${videoSize}-byte video needs chunks over 64 MB to stay within TikTok's 1000 chunks`,
    );
  // A chunk larger than the video would make floor(size / chunk) zero chunks.
  chunkSize = Math.min(chunkSize, videoSize);
  let count = Math.floor(videoSize / chunkSize);
  // Over 64 MB must be several chunks; two halves keep each within 32-64 MB.
  if (count === 1 && videoSize > MAX_CHUNK) {
    chunkSize = Math.floor(videoSize / 2);
    count = 2;
  }
  return { videoSize, chunkSize, totalChunkCount: count };
}

/** Bytes [first, last] (inclusive) of chunk `index`; the last takes the remainder. */
export function chunkRange(plan: ChunkPlan, index: number): { first: number; last: number } {
  const first = index * plan.chunkSize;
  const end = index === plan.totalChunkCount - 1 ? plan.videoSize : first + plan.chunkSize;
  return { first, last: end - 1 };
}
