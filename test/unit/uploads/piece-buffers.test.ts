// Piece size and buffer reuse: the read size sets how smooth a speed limit is, and two writers
// on one set of buffers would send one upload's bytes inside another's.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { PieceBuffers, pieceSizeFor } from '../../../src-main/uploads/piece-buffers.ts';
import { flushAsync } from '../../helpers/fake-clock.ts';

const KiB = 1024;

describe('pieceSizeFor', () => {
  test('no limit (0 or less): 1 MiB pieces', () => {
    assert.equal(pieceSizeFor(0), 1024 * KiB);
    assert.equal(pieceSizeFor(-5), 1024 * KiB);
  });

  test('under a limit: an eighth of a second of bytes, rounded down', () => {
    assert.equal(pieceSizeFor(800), 100 * KiB);
    assert.equal(pieceSizeFor(1024), 128 * KiB);
    assert.equal(pieceSizeFor(1001), Math.floor((1001 * KiB) / 8));
  });

  test('never below 16 KiB, never above 1 MiB', () => {
    assert.equal(pieceSizeFor(1), 16 * KiB);
    assert.equal(pieceSizeFor(128), 16 * KiB);
    assert.equal(pieceSizeFor(136), 17 * KiB);
    assert.equal(pieceSizeFor(8192), 1024 * KiB);
    assert.equal(pieceSizeFor(8200), 1024 * KiB);
    assert.equal(pieceSizeFor(1_000_000), 1024 * KiB);
  });
});

describe('PieceBuffers', () => {
  test('four full-size buffers, allocated once and reused', () => {
    const pieces = new PieceBuffers();
    const first = pieces.buffers;
    assert.equal(first.length, 4);
    for (const b of first) assert.equal(b.length, 1024 * KiB);
    assert.equal(pieces.buffers, first);
    assert.equal(pieces.buffers[0], first[0]);
  });

  test('one writer at a time: the second waits until the first lets go', async () => {
    const pieces = new PieceBuffers();
    const order: string[] = [];
    const releaseFirst = await pieces.acquire();
    order.push('first');
    const second = pieces.acquire().then((release) => {
      order.push('second');
      return release;
    });
    const third = pieces.acquire().then((release) => {
      order.push('third');
      return release;
    });
    await flushAsync();
    assert.deepEqual(order, ['first']);
    releaseFirst();
    const releaseSecond = await second;
    await flushAsync();
    assert.deepEqual(order, ['first', 'second']);
    releaseSecond();
    (await third)();
    assert.deepEqual(order, ['first', 'second', 'third']);
  });
});
