import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from '../base/regular-file.ts';
import type { Writable } from 'node:stream';
import { NetworkError, type BodyWriter } from '../youtube/google-http.ts';
import type { BandwidthLimiter } from './bandwidth-limiter.ts';
import { pieceSizeFor, type PieceBuffers } from './piece-buffers.ts';

interface RangeOptions {
  file: string;
  first: number;
  last: number;
  limiter: BandwidthLimiter;
  buffers: PieceBuffers;
  onBytes(n: number): void;
  signal?: AbortSignal;
}

/** Resolves once `out` is closed: from then on no write of ours can still touch a buffer. */
function closed(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.resolve();
  return new Promise((resolve) => out.once('close', () => resolve()));
}

const connectionClosed = () => new NetworkError('the connection closed while sending');

/**
 * Bytes first..last (inclusive) of a file, written straight to the request:
 * read piece by piece into reused buffers (never the whole chunk in memory),
 * paced by the bandwidth limiter. A buffer is read into again only after the
 * socket has taken its previous piece, which the write callback tells.
 * `onBytes` hears each piece as the socket takes it, for live progress.
 * Connection failures reject with a NetworkError; a file that cannot be read
 * rejects with its own error, naming the file.
 */
export function fileRangeBody(opts: RangeOptions): BodyWriter {
  return {
    async writeTo(out) {
      const release = await opts.buffers.acquire();
      try {
        const { handle } = await openRegularFile(opts.file, 'video');
        try {
          await writeRange(handle, out, opts);
        } finally {
          await handle.close();
        }
      } finally {
        release();
      }
    },
  };
}

async function writeRange(handle: FileHandle, out: Writable, opts: RangeOptions): Promise<void> {
  const gone = closed(out);
  const inFlight: Promise<void>[] = [];
  const slots = opts.buffers.buffers;
  const end = opts.last + 1;
  let position = opts.first;
  for (let piece = 0; position < end; piece++) {
    opts.signal?.throwIfAborted();
    const slot = piece % slots.length;
    await Promise.race([inFlight[slot], gone]);
    if (out.destroyed) throw connectionClosed();
    const buffer = slots[slot]!;
    const want = Math.min(buffer.length, pieceSizeFor(opts.limiter.limitKiBps()), end - position);
    const { bytesRead } = await handle.read(buffer, 0, want, position);
    if (bytesRead === 0)
      throw new Error(`${opts.file} ended at byte ${position}, before byte ${opts.last}`);
    await opts.limiter.take(bytesRead, opts.signal);
    inFlight[slot] = new Promise((resolve, reject) =>
      out.write(buffer.subarray(0, bytesRead), (error) => {
        if (error) return reject(new NetworkError(`sending failed (${error.message})`, error));
        opts.onBytes(bytesRead);
        resolve();
      }),
    );
    // A failed write also closes `out`, which the races see; nobody awaits this one alone.
    inFlight[slot].catch(() => {});
    position += bytesRead;
  }
  await Promise.race([Promise.all(inFlight), gone]);
  if (out.destroyed) throw connectionClosed();
  // Every byte is out: end the request now, so the answer finds it finished.
  out.end();
  // On a throw the caller destroys the request before anyone else can take the buffers
  // (one upload's chunks go one at a time), so a pending write never sends reused bytes.
}
