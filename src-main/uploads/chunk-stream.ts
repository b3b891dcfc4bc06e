import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { BandwidthLimiter } from './bandwidth-limiter.ts';

const pieceSize = 64 * 1024;

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
