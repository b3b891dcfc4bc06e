import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { openRegularFileSync } from '../base/regular-file.ts';

export interface Fingerprint {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the first and last 1 MiB: cheap even for 256 GB files. */
  partialHash: string;
}

const edge = 1024 * 1024;

/** Synchronous on purpose: enqueue must persist the job in one step, before any network call. */
export function fingerprint(file: string, what = 'video'): Fingerprint {
  // Opened without blocking and checked after opening: a FIFO or a swapped-in device is refused.
  const { fd, stats: info } = openRegularFileSync(file, what);
  const hash = createHash('sha256');
  try {
    const headLength = Math.min(edge, info.size);
    const head = Buffer.alloc(headLength);
    readSync(fd, head, 0, headLength, 0);
    hash.update(head);
    if (info.size > edge) {
      const tailLength = Math.min(edge, info.size - edge);
      const tail = Buffer.alloc(tailLength);
      readSync(fd, tail, 0, tailLength, info.size - tailLength);
      hash.update(tail);
    }
  } finally {
    closeSync(fd);
  }
  return { size: info.size, mtimeMs: Math.floor(info.mtimeMs), partialHash: hash.digest('hex') };
}

/** What changed, in words, or null when the file is the one that was enqueued. */
export function describeChange(expected: Fingerprint, actual: Fingerprint): string | null {
  if (expected.size !== actual.size)
    return `its size changed from ${expected.size} to ${actual.size} bytes`;
  if (expected.mtimeMs !== actual.mtimeMs) return 'it was modified (its modification time changed)';
  if (expected.partialHash !== actual.partialHash) return 'its content changed';
  return null;
}
