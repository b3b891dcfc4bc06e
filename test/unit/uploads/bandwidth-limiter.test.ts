import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { BandwidthLimiter } from '../../../src-main/uploads/bandwidth-limiter.ts';
import { FakeClock, flushAsync } from '../../helpers/fake-clock.ts';

describe('BandwidthLimiter', () => {
  test('without a limit every piece goes at once', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => 0);
    let done = 0;
    for (let i = 0; i < 100; i++) void limiter.take(1024 * 1024).then(() => done++);
    await flushAsync();
    assert.equal(done, 100);
    assert.equal(clock.pending, 0);
  });

  test('pieces are paced to the limit, shared by every caller on one timeline', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => 100); // 100 KiB/s
    const done: number[] = [];
    const start = clock.now();
    // Two jobs of 5 pieces of 50 KiB each: 500 KiB at 100 KiB/s is 5 s in all.
    for (let i = 0; i < 10; i++)
      void limiter.take(50 * 1024).then(() => done.push(clock.now() - start));
    await clock.advance(4000);
    assert.ok(done.length < 10, `only ${done.length} pieces by 4 s`);
    await clock.advance(1000);
    assert.equal(done.length, 10);
    // The first quarter second is allowed as a burst, never more.
    assert.ok(done.filter((t) => t === 0).length <= 2, `burst: ${done.join(',')}`);
  });

  test('an abort rejects a waiting piece and cancels its timer', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => 1);
    await limiter.take(1024); // takes the burst
    const controller = new AbortController();
    const waiting = limiter.take(1024, controller.signal);
    controller.abort(new Error('paused'));
    await assert.rejects(waiting, /paused/);
    assert.equal(clock.pending, 0);
  });
});
