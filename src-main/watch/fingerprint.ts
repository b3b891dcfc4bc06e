import { createHash } from 'node:crypto';
import { openRegularFile } from '../base/regular-file.ts';

/** Bytes read from each end: enough to tell videos apart, cheap on a 50 GB file. */
export const FINGERPRINT_BLOCK = 1024 * 1024;

export interface Fingerprint {
  size: number;
  mtimeMs: number;
  /** SHA-256 over the size, the first and the last block. Independent of name and mtime. */
  hash: string;
}

/**
 * A file's identity for "exactly once": a rename or a touch keeps it, a
 * re-export with new content changes it.
 */
export async function fingerprintFile(path: string): Promise<Fingerprint> {
  const { handle, stats } = await openRegularFile(path, 'video');
  try {
    const size = stats.size;
    const hash = createHash('sha256').update(`size:${size}\n`);
    const headLength = Math.min(FINGERPRINT_BLOCK, size);
    const head = Buffer.alloc(headLength);
    await handle.read(head, 0, headLength, 0);
    hash.update(head);
    if (size > FINGERPRINT_BLOCK) {
      const tailLength = Math.min(FINGERPRINT_BLOCK, size - FINGERPRINT_BLOCK);
      const tail = Buffer.alloc(tailLength);
      await handle.read(tail, 0, tailLength, size - tailLength);
      hash.update(tail);
    }
    return { size, mtimeMs: Math.floor(stats.mtimeMs), hash: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}
