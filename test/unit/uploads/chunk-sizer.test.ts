import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { ChunkSizer } from '../../../src-main/uploads/chunk-sizer.ts';

const MiB = 1024 * 1024;

describe('ChunkSizer', () => {
  test('grows on a fast link toward two-second chunks, at most 4x a step, up to the ceiling', () => {
    const sizer = new ChunkSizer(8 * MiB, 128 * MiB);
    sizer.record(8 * MiB, 25); // 320 MiB/s
    assert.equal(sizer.size, 32 * MiB);
    sizer.record(32 * MiB, 100);
    assert.equal(sizer.size, 128 * MiB);
    sizer.record(128 * MiB, 400);
    assert.equal(sizer.size, 128 * MiB, 'never past the ceiling');
  });

  test('settles where a chunk takes about two seconds, in whole 256 KiB units', () => {
    const sizer = new ChunkSizer(8 * MiB, 128 * MiB);
    sizer.record(8 * MiB, 1000); // 8 MiB/s -> 16 MiB per two seconds
    assert.equal(sizer.size, 16 * MiB);
    sizer.record(16 * MiB, 3000); // slower: 5.33 MiB/s -> 10.67 MiB, rounded down to 256 KiB
    assert.equal(sizer.size % (256 * 1024), 0);
    assert.ok(sizer.size > 10 * MiB && sizer.size < 11 * MiB, `${sizer.size}`);
  });

  test('a slow link never goes below the first size; an error starts over', () => {
    const sizer = new ChunkSizer(8 * MiB, 128 * MiB);
    sizer.record(8 * MiB, 60_000);
    assert.equal(sizer.size, 8 * MiB);
    sizer.record(8 * MiB, 10);
    assert.ok(sizer.size > 8 * MiB);
    sizer.reset();
    assert.equal(sizer.size, 8 * MiB);
  });

  test('a ceiling equal to the first size means fixed chunks', () => {
    const sizer = new ChunkSizer(256 * 1024, 256 * 1024);
    sizer.record(256 * 1024, 1);
    assert.equal(sizer.size, 256 * 1024);
  });

  test('a chunk of no bytes says nothing about the link: the size stays', () => {
    const sizer = new ChunkSizer(8 * MiB, 128 * MiB);
    sizer.record(8 * MiB, 500); // 32 MiB
    sizer.record(0, 1000);
    assert.equal(sizer.size, 32 * MiB);
  });

  test('a chunk measured at 0 ms counts as 1 ms: growth is still bounded', () => {
    const sizer = new ChunkSizer(256 * 1024, 128 * MiB);
    sizer.record(256 * 1024, 0);
    assert.equal(sizer.size, MiB);
    const slow = new ChunkSizer(256 * 1024, 128 * MiB);
    slow.record(256 * 1024, 1000); // 256 KiB/s: two seconds is 512 KiB
    assert.equal(slow.size, 512 * 1024);
  });
});
