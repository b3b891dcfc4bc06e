// A file's identity for "exactly once": size plus first and last MiB. A rename or a touch keeps
// it; new bytes at either end change it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { FINGERPRINT_BLOCK, fingerprintFile } from '../../../src-main/watch/fingerprint.ts';
import { canCountFds, fdsOpenOn } from '../../helpers/open-fds.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const MiB = 1024 * 1024;
const dir = tempDir('dropline-fingerprint-');
afterAll(() => dir.remove());

/** A copy of `bytes` with the byte at `at` changed. */
function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

/** Distinct bytes at every offset, so a read from the wrong place shows. */
function pattern(size: number, seed = 0): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed + (i >> 10)) & 0xff;
  return b;
}

/** The fingerprint as the format says: sha256("size:N\n" + head + tail), tail only past 1 MiB. */
function expected(bytes: Buffer): string {
  const hash = createHash('sha256').update(`size:${bytes.length}\n`);
  hash.update(bytes.subarray(0, Math.min(MiB, bytes.length)));
  if (bytes.length > MiB) {
    const tail = Math.min(MiB, bytes.length - MiB);
    hash.update(bytes.subarray(bytes.length - tail));
  }
  return hash.digest('hex');
}

function write(name: string, bytes: Buffer): string {
  const path = join(dir.path, name);
  writeFileSync(path, bytes);
  return path;
}

describe('fingerprintFile', () => {
  test('one MiB from each end', () => assert.equal(FINGERPRINT_BLOCK, MiB));

  for (const [name, size] of [
    ['small', 1000],
    ['exactly one block', MiB],
    ['one block and a bit (head and tail overlap nothing)', MiB + 300],
    ['more than two blocks', 2 * MiB + 12345],
  ] as const)
    test(`${name}: size, whole-ms mtime and the documented hash`, async () => {
      const bytes = pattern(size);
      const path = write(`${size}.mp4`, bytes);
      utimesSync(path, new Date(1_700_000_000_123), new Date(1_700_000_000_123.7));
      assert.deepEqual(await fingerprintFile(path), {
        size,
        mtimeMs: 1_700_000_000_123,
        hash: expected(bytes),
      });
    });

  test('a rename and a touch keep it; new bytes at the end change it, in the middle do not', async () => {
    const bytes = pattern(3 * MiB);
    const a = write('a.mp4', bytes);
    const first = await fingerprintFile(a);
    const b = join(dir.path, 'renamed.mp4');
    renameSync(a, b);
    utimesSync(b, new Date(), new Date(Date.now() + 60_000));
    assert.equal((await fingerprintFile(b)).hash, first.hash);

    const middle = flipped(bytes, Math.floor(1.5 * MiB));
    assert.equal((await fingerprintFile(write('middle.mp4', middle))).hash, first.hash);

    const end = flipped(bytes, bytes.length - 1);
    assert.notEqual((await fingerprintFile(write('end.mp4', end))).hash, first.hash);

    const start = flipped(bytes, 0);
    assert.notEqual((await fingerprintFile(write('start.mp4', start))).hash, first.hash);
  });

  test('the size is part of it: same ends, one byte longer, another fingerprint', async () => {
    const small = await fingerprintFile(write('s1.mp4', Buffer.alloc(10, 1)));
    const longer = await fingerprintFile(write('s2.mp4', Buffer.alloc(11, 1)));
    assert.notEqual(small.hash, longer.hash);
  });

  test.runIf(canCountFds)('every file it opens is closed again', async () => {
    const path = write('fd.mp4', pattern(2 * MiB + 1));
    for (let i = 0; i < 5; i++) await fingerprintFile(path);
    assert.equal(fdsOpenOn(path), 0);
  });

  test('a folder is refused, naming the path', async () => {
    const folder = join(dir.path, 'folder.mp4');
    mkdirSync(folder);
    await assert.rejects(fingerprintFile(folder), (error: Error) =>
      error.message.includes(`The video ${folder} is`),
    );
  });
});
