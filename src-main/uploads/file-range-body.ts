import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { BodyWriter } from '../youtube/google-http.ts';
import type { BandwidthLimiter } from './bandwidth-limiter.ts';
import { pieceSizeFor, type PieceBuffers } from './piece-buffers.ts';

/** Resolves once `out` is closed: from then on no write of ours can still touch a buffer. */
function closed(out: Writable): Promise<void> {
  if (out.closed || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => out.once('close', () => resolve()));
}

/**
 * Bytes first..last (inclusive) of a file, written straight to the request:
 * read piece by piece into reused buffers (never the whole chunk in memory),
 * paced by the bandwidth limiter. A buffer is read into again only after the
 * socket has taken its previous piece, which the write callback tells.
 * `onBytes` hears each piece as the socket takes it, for live progress.
 */
export function fileRangeBody(opts: {
  file: string;
  first: number;
  last: number;
  limiter: BandwidthLimiter;
  buffers: PieceBuffers;
  onBytes(n: number): void;
  signal?: AbortSignal;
}): BodyWriter {
  return {
    async writeTo(out) {
      const release = await opts.buffers.acquire();
      const handle = await open(opts.file, 'r').catch((error: unknown) => {
        release();
        throw error;
      });
      const gone = closed(out);
      const inFlight: Promise<void>[] = [];
      try {
        const end = opts.last + 1;
        let position = opts.first;
        for (let piece = 0; position < end; piece++) {
          opts.signal?.throwIfAborted();
          const slot = piece % opts.buffers.buffers.length;
          await Promise.race([inFlight[slot], gone]);
          if (out.destroyed) throw new Error('the connection closed while sending');
          const buffer = opts.buffers.buffers[slot]!;
          const want = Math.min(
            buffer.length,
            pieceSizeFor(opts.limiter.limitKiBps()),
            end - position,
          );
          const { bytesRead } = await handle.read(buffer, 0, want, position);
          if (bytesRead === 0)
            throw new Error(`${opts.file} ended at byte ${position}, before byte ${opts.last}`);
          await opts.limiter.take(bytesRead, opts.signal);
          inFlight[slot] = new Promise((resolve, reject) =>
            out.write(buffer.subarray(0, bytesRead), (error) => {
              if (error) return reject(error);
              opts.onBytes(bytesRead);
              resolve();
            }),
          );
          // A failed write also closes `out`: the race below sees it; nobody awaits this one alone.
          inFlight[slot].catch(() => {});
          position += bytesRead;
        }
        await Promise.race([Promise.all(inFlight), gone]);
        if (out.destroyed) throw new Error('the connection closed while sending');
      } finally {
        // Pending writes of a closed connection will never touch the buffers again.
        await Promise.race([Promise.allSettled(inFlight), gone]);
        await handle.close();
        release();
      }
    },
  };
}
