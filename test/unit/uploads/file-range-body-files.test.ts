// fileRangeBody and the file itself: a folder is refused by name, every handle it opens is
// closed again, and a write that fails on a stream that stays open says why.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, test } from 'vitest';
import type { BandwidthLimiter } from '../../../src-main/uploads/bandwidth-limiter.ts';
import { fileRangeBody } from '../../../src-main/uploads/file-range-body.ts';
import { PieceBuffers } from '../../../src-main/uploads/piece-buffers.ts';
import { canCountFds, fdsOpenOn } from '../../helpers/open-fds.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const dir = tempDir('dropline-range-files-');
afterAll(() => dir.remove());
const limiter = { limitKiBps: () => 0, take: async () => undefined } as unknown as BandwidthLimiter;

const body = (file: string, last: number) =>
  fileRangeBody({ file, first: 0, last, limiter, buffers: new PieceBuffers(), onBytes: () => {} });

/** Takes every piece at once. */
const sink = () =>
  new Writable({
    write: (_chunk, _enc, done) => done(),
  });

test('a folder is refused as "the video", by its path', async () => {
  const folder = join(dir.path, 'folder.mp4');
  mkdirSync(folder);
  await assert.rejects(body(folder, 9).writeTo(sink()), (error: Error) =>
    error.message.includes(`The video ${folder} is`),
  );
});

test.runIf(canCountFds)('every file handle it opens is closed again', async () => {
  const file = join(dir.path, 'v.mp4');
  writeFileSync(file, Buffer.alloc(64 * 1024, 3));
  for (let i = 0; i < 5; i++) await body(file, 64 * 1024 - 1).writeTo(sink());
  assert.equal(fdsOpenOn(file), 0);
});

test('a write that fails on a stream left open: the error says sending failed, and why', async () => {
  const file = join(dir.path, 'w.mp4');
  writeFileSync(file, Buffer.alloc(1024, 5));
  const out = new Writable({
    autoDestroy: false,
    write: (_chunk, _enc, done) => done(new Error('EPIPE')),
  });
  out.on('error', () => undefined);
  await assert.rejects(body(file, 1023).writeTo(out), {
    name: 'NetworkError',
    message: 'sending failed (EPIPE)',
  });
});
