import { describe, expect, it } from 'vitest';
import {
  chunkRange,
  MAX_CHUNK,
  MAX_LAST_CHUNK,
  MIN_CHUNK,
  planChunks,
} from '../../../src-main/providers/tiktok/chunk-plan.ts';
import { chunkRuleBroken } from '../../fakes/tiktok-sandbox/chunk-rules.ts';

const plans = (size: number, preferred?: number) => {
  const p = planChunks(size, preferred);
  return { ...p, broken: chunkRuleBroken(p) };
};

describe('TikTok chunk planning', () => {
  it('sends a video under 5 MB whole', () => {
    expect(plans(1234)).toEqual({
      videoSize: 1234,
      chunkSize: 1234,
      totalChunkCount: 1,
      broken: null,
    });
    expect(plans(MIN_CHUNK - 1).totalChunkCount).toBe(1);
  });

  it('sends exactly 5 MB as one chunk', () => {
    expect(plans(MIN_CHUNK, MIN_CHUNK)).toMatchObject({
      chunkSize: MIN_CHUNK,
      totalChunkCount: 1,
      broken: null,
    });
  });

  it('merges the remainder into the last chunk', () => {
    const p = planChunks(3 * MIN_CHUNK + 777, MIN_CHUNK);
    expect(p.totalChunkCount).toBe(3);
    expect(chunkRange(p, 2)).toEqual({ first: 2 * MIN_CHUNK, last: 3 * MIN_CHUNK + 776 });
  });

  it('never plans a chunk outside 5-64 MB, a last chunk over 128 MB, or more than 1000 chunks', () => {
    const sizes = [
      MIN_CHUNK,
      MAX_CHUNK,
      MAX_CHUNK + 1,
      100_000_000,
      127_999_999,
      128_000_001,
      5e9,
      63e9,
      64e9,
    ];
    for (const size of sizes)
      for (const preferred of [1, MIN_CHUNK, 16 * 1024 * 1024, MAX_CHUNK, 1e9]) {
        const p = plans(size, preferred);
        expect(p.broken, `${size} @ ${preferred}`).toBeNull();
        const last = chunkRange(p, p.totalChunkCount - 1);
        expect(last.last + 1).toBe(size);
        expect(last.last - last.first + 1).toBeLessThanOrEqual(MAX_LAST_CHUNK);
      }
  });

  it('refuses a file too large for 1000 chunks of 64 MB', () => {
    expect(() => planChunks(64_000_000_001 + MAX_CHUNK * 1000)).toThrow(/1000 chunks/);
  });
});
