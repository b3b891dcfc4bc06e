// fileRangeBody against a stream that takes each piece only when the test says: a buffer is
// read into again only after the stream took its previous piece, a partial last piece is cut
// at the range's end, and a closed or failing stream ends the body with a NetworkError.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, test } from 'vitest';
import type { BandwidthLimiter } from '../../../src-main/uploads/bandwidth-limiter.ts';
import { fileRangeBody } from '../../../src-main/uploads/file-range-body.ts';
import { PieceBuffers } from '../../../src-main/uploads/piece-buffers.ts';
import { NetworkError } from '../../../src-main/youtube/google-http.ts';
import { flushAsync } from '../../helpers/fake-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const dir = tempDir('dropline-range-body-');
afterAll(() => dir.remove());
const bytes = randomBytes(200 * 1024 + 7);
const file = join(dir.path, 'v.mp4');
writeFileSync(file, bytes);

// 128 KiB/s makes 16 KiB pieces; the limiter itself never waits here.
const limiter = {
  limitKiBps: () => 128,
  take: async () => undefined,
} as unknown as BandwidthLimiter;

/** A stream that holds each piece until `take()`: what it took is copied only then. */
class HeldStream extends Writable {
  readonly held: Array<{ chunk: Buffer; done: (error?: Error | null) => void }> = [];
  readonly taken: Buffer[] = [];
  writes = 0;
  constructor() {
    super();
    // The writer hears failures through its write callbacks and 'close', as with a request.
    this.on('error', () => undefined);
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null) => void) {
    this.writes++;
    this.held.push({ chunk, done });
  }
  /** The stream takes its oldest held piece: its bytes as they are now. */
  take(error?: Error): void {
    const next = this.held.shift();
    assert.ok(next, 'a piece to take');
    if (error) return next.done(error);
    this.taken.push(Buffer.from(next.chunk));
    next.done();
  }
}

function start(out: HeldStream, first: number, last: number) {
  let reported = 0;
  const body = fileRangeBody({
    file,
    first,
    last,
    limiter,
    buffers: new PieceBuffers(),
    onBytes: (n) => (reported += n),
  });
  const written = body.writeTo(out);
  written.catch(() => undefined);
  return { written, reported: () => reported };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 10_000; turn++) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  assert.fail(`never happened: ${what}`);
}

describe('fileRangeBody and the stream it writes to', () => {
  test('buffers are reused only after the stream took their piece; the bytes are exact', async () => {
    const out = new HeldStream();
    const first = 5;
    const last = bytes.length - 11; // a partial last piece, ending mid-file
    const { written, reported } = start(out, first, last);
    await until(() => out.held.length === 1, 'the first piece is held');
    // Give the writer every chance to read ahead into a buffer still held.
    await flushAsync(30);
    while (out.held.length > 0 || out.writableLength > 0) {
      out.take();
      await flushAsync(30);
      await until(() => out.held.length > 0 || out.writableEnded, 'the next piece or the end');
    }
    await written;
    assert.deepEqual(Buffer.concat(out.taken), bytes.subarray(first, last + 1));
    assert.equal(reported(), last - first + 1);
    assert.equal(out.writableEnded, true, 'the request is ended once every byte is out');
  });

  test('a range inside one piece sends exactly that range', async () => {
    const out = new HeldStream();
    const { written } = start(out, 100, 100 + 999);
    await until(() => out.held.length === 1, 'the piece is held');
    out.take();
    await written;
    assert.deepEqual(Buffer.concat(out.taken), bytes.subarray(100, 1100));
  });

  test('the stream closing while pieces are out: the connection closed, said so', async () => {
    const out = new HeldStream();
    const { written } = start(out, 0, bytes.length - 1);
    await until(() => out.held.length === 1, 'the first piece is held');
    out.take();
    await until(() => out.held.length === 1, 'the second piece is held');
    out.destroy();
    await assert.rejects(written, (error: Error) => {
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(error.message, 'the connection closed while sending');
      return true;
    });
  });

  test('the stream closing after the last write but before it was taken: not a success', async () => {
    const out = new HeldStream();
    const { written } = start(out, 0, 999); // a single piece
    await until(() => out.writes === 1, 'the only piece is written');
    out.destroy();
    await assert.rejects(written, { message: 'the connection closed while sending' });
    assert.equal(out.writableEnded, false);
  });

  test('a write that fails rejects with the reason, and its bytes are not counted', async () => {
    const out = new HeldStream();
    const { written, reported } = start(out, 0, bytes.length - 1);
    await until(() => out.held.length === 1, 'the first piece is held');
    out.take();
    await until(() => out.held.length === 1, 'the second piece is held');
    out.take(new Error('EPIPE'));
    await assert.rejects(written, (error: Error) => {
      assert.ok(error instanceof NetworkError, String(error));
      return true;
    });
    assert.equal(reported(), 16 * 1024, 'only the piece that went through');
  });
});
