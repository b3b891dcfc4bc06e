// The upload cap's timeline to the millisecond: a quarter second of burst after idling, then
// every piece at its slot; the cap is read at each piece, so a change applies at once.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { BandwidthLimiter } from '../../../src-main/uploads/bandwidth-limiter.ts';
import { FakeClock, flushAsync } from '../../helpers/fake-clock.ts';

const KiB = 1024;

describe('BandwidthLimiter timeline', () => {
  test('100 KiB/s with 50 KiB pieces: the first at once, then every half second', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => 100);
    assert.equal(limiter.limitKiBps(), 100);
    const start = clock.now();
    const done: number[] = [];
    for (let i = 0; i < 5; i++)
      void limiter.take(50 * KiB).then(() => done.push(clock.now() - start));
    await clock.advance(3000);
    assert.deepEqual(done, [0, 250, 750, 1250, 1750]);
  });

  test('after idling, at most a quarter second of bytes goes at once', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => 100);
    await clock.advance(60_000);
    const start = clock.now();
    const done: number[] = [];
    for (let i = 0; i < 3; i++)
      void limiter.take(25 * KiB).then(() => done.push(clock.now() - start));
    await clock.advance(1000);
    assert.deepEqual(done, [0, 0, 250]);
  });

  test('the cap is read at every piece: lifting it lets the next piece go at once', async () => {
    const clock = new FakeClock();
    let cap = 10;
    const limiter = new BandwidthLimiter(clock, () => cap);
    await limiter.take(10 * KiB);
    let second = false;
    void limiter.take(10 * KiB).then(() => (second = true));
    await flushAsync();
    assert.equal(second, false);
    cap = 0;
    assert.equal(limiter.limitKiBps(), 0);
    let third = false;
    void limiter.take(10 * KiB).then(() => (third = true));
    await flushAsync();
    assert.equal(third, true, 'no cap, no wait');
  });

  test('a negative cap is no cap', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => -1);
    for (let i = 0; i < 10; i++) await limiter.take(1024 * KiB);
    assert.equal(clock.pending, 0);
  });

  test('an abort after the piece went changes nothing; its listener is gone', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => 1);
    await limiter.take(1024);
    const controller = new AbortController();
    let listeners = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    }) as typeof remove;
    const waiting = limiter.take(1024, signal);
    assert.equal(listeners, 1);
    await clock.advance(2000);
    await waiting;
    assert.equal(listeners, 0);
  });
});
