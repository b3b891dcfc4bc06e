import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { chunkStream, pieceSizeFor } from '../../../src-main/uploads/chunk-stream.ts';
import { BandwidthLimiter } from '../../../src-main/uploads/bandwidth-limiter.ts';
import { systemClock } from '../../../src-main/core/clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('chunkStream', () => {
  const dir = tempDir();
  after(() => dir.remove());
  const bytes = randomBytes(3 * 1024 * 1024 + 17);
  const file = join(dir.path, 'v.mp4');
  writeFileSync(file, bytes);

  test('streams exactly bytes first..last and reports every byte once', async () => {
    for (const [first, last] of [
      [0, bytes.length - 1],
      [262_144, 262_144 * 9 - 1],
      [bytes.length - 1, bytes.length - 1],
    ] as const) {
      let reported = 0;
      const parts: Buffer[] = [];
      const stream = chunkStream({
        file,
        first,
        last,
        limiter: new BandwidthLimiter(systemClock, () => 0),
        onBytes: (n) => (reported += n),
      });
      for await (const part of stream) parts.push(part as Buffer);
      assert.ok(Buffer.concat(parts).equals(bytes.subarray(first, last + 1)), `${first}-${last}`);
      assert.equal(reported, last - first + 1);
    }
  });

  test('reads 1 MiB pieces without a limit, smaller ones under a limit', () => {
    assert.equal(pieceSizeFor(0), 1024 * 1024);
    assert.equal(pieceSizeFor(1024), 128 * 1024); // 1 MiB/s: an eighth of a second
    assert.equal(pieceSizeFor(1), 16 * 1024); // never tiny
    assert.equal(pieceSizeFor(1_000_000), 1024 * 1024); // never huge
  });
});
