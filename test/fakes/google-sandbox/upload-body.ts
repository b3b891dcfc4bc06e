import type { IncomingMessage } from 'node:http';
import type { FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceiveOptions {
  /** Where the first new byte goes in the file. */
  position: number;
  /** Leading body bytes the session already holds (an overlapping resend). */
  skip: number;
  /** Body bytes the Content-Range announces; anything past them is ignored. */
  expected: number;
  /** Cut the connection after this many body bytes (fault injection). */
  dropAfter: number | null;
  bandwidthBytesPerSec: number | null;
  /** Aborted when a newer request for the same session arrives: this one is then dropped. */
  superseded?: AbortSignal;
}

export interface Received {
  /** New bytes written at `position`. */
  written: number;
  /** Body bytes read, new or already held (what crossed the wire). */
  seen: number;
  /** The body did not arrive whole: the connection dropped or ended short. */
  incomplete: boolean;
}

/** Streams a request body into the file chunk by chunk; it is never held whole. */
export async function receiveBody(
  req: IncomingMessage,
  file: FileHandle,
  opts: ReceiveOptions,
): Promise<Received> {
  let seen = 0;
  let written = 0;
  const startedAt = Date.now();
  const store = async (data: Buffer) => {
    // Body offsets [seen, seen + data.length) map to new bytes once past the overlap.
    const from = Math.max(0, opts.skip - seen);
    const to = Math.min(data.length, opts.expected - seen);
    if (to > from) {
      const slice = data.subarray(from, to);
      await file.write(slice, 0, slice.length, opts.position + written);
      written += slice.length;
    }
    seen += data.length;
  };
  try {
    if (opts.dropAfter === 0) {
      req.socket.destroy();
      return { written, seen, incomplete: true };
    }
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (opts.superseded?.aborted) {
        req.socket.destroy();
        return { written, seen, incomplete: true };
      }
      if (opts.dropAfter !== null && seen + chunk.length >= opts.dropAfter) {
        await store(chunk.subarray(0, opts.dropAfter - seen));
        req.socket.destroy();
        return { written, seen, incomplete: true };
      }
      await store(chunk);
      if (opts.bandwidthBytesPerSec) {
        const due = (seen / opts.bandwidthBytesPerSec) * 1000 - (Date.now() - startedAt);
        // Throttled reading leaves the client's bytes in the kernel's buffers, where a client that
        // has gone away cannot be noticed until they are read: a newer request ends the wait.
        if (due > 0) await sleep(due, undefined, { signal: opts.superseded }).catch(() => {});
      }
    }
  } catch {
    return { written, seen, incomplete: true };
  }
  return { written, seen, incomplete: seen < opts.expected };
}
