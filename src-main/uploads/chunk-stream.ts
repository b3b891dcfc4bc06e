import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { BandwidthLimiter } from './bandwidth-limiter.ts';

/** Large reads keep the per-piece cost (a promise, a progress tick) small next to the bytes. */
const maxPieceSize = 1024 * 1024;
const minPieceSize = 16 * 1024;

/**
 * Bytes per read: 1 MiB without a limit; under a limit, about an eighth of a
 * second's worth, so pacing stays smooth and progress keeps moving.
 */
export function pieceSizeFor(limitKiBps: number): number {
  if (limitKiBps <= 0) return maxPieceSize;
  return Math.max(minPieceSize, Math.min(maxPieceSize, Math.floor((limitKiBps * 1024) / 8)));
}

/**
 * Bytes first..last (inclusive) of a file, streamed from disk piece by piece
 * (never the whole chunk in memory), paced by the bandwidth limiter, with a
 * callback per piece handed to the socket for live progress.
 */
export function chunkStream(opts: {
  file: string;
  first: number;
  last: number;
  limiter: BandwidthLimiter;
  onBytes(n: number): void;
  signal?: AbortSignal;
}): Readable {
  const pieceSize = pieceSizeFor(opts.limiter.limitKiBps());
  const source = createReadStream(opts.file, {
    start: opts.first,
    end: opts.last,
    highWaterMark: pieceSize,
  });
  async function* paced() {
    try {
      for await (const piece of source as AsyncIterable<Buffer>) {
        await opts.limiter.take(piece.length, opts.signal);
        yield piece;
        opts.onBytes(piece.length);
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(paced(), { objectMode: false, highWaterMark: pieceSize });
}
