// The gate in front of Google's token endpoint, on a fake clock: a cap on refreshes at once and
// a token bucket, first come first served.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { RefreshLimiter } from '../../../src-main/channels/refresh-limiter.ts';
import { FakeClock, flushAsync } from '../../helpers/fake-clock.ts';

/** Asks `n` times; `started` holds the order (and fake time) each one was let in. */
function ask(limiter: RefreshLimiter, clock: FakeClock, n: number) {
  const started: Array<{ i: number; at: number }> = [];
  const releases: Array<() => void> = [];
  const t0 = clock.now();
  for (let i = 0; i < n; i++)
    void limiter.acquire().then((release) => {
      started.push({ i, at: clock.now() - t0 });
      releases[i] = release;
    });
  return { started, releases };
}

describe('RefreshLimiter', () => {
  test('a burst goes at once, up to the concurrency cap; the rest wait in order', async () => {
    const clock = new FakeClock();
    const limiter = new RefreshLimiter(clock, { maxConcurrent: 3, perSecond: 100, burst: 10 });
    const { started, releases } = ask(limiter, clock, 5);
    await flushAsync();
    assert.deepEqual(
      started.map((s) => s.i),
      [0, 1, 2],
    );
    assert.equal(limiter.active, 3);
    assert.equal(limiter.queued, 2);
    releases[1]!();
    await flushAsync();
    assert.deepEqual(
      started.map((s) => s.i),
      [0, 1, 2, 3],
    );
    assert.equal(limiter.active, 3);
    assert.equal(limiter.queued, 1);
  });

  test('a release called twice frees one place, not two', async () => {
    const clock = new FakeClock();
    const limiter = new RefreshLimiter(clock, { maxConcurrent: 1, perSecond: 100, burst: 10 });
    const { started, releases } = ask(limiter, clock, 3);
    await flushAsync();
    releases[0]!();
    releases[0]!();
    await flushAsync();
    assert.equal(started.length, 2);
    assert.equal(limiter.active, 1);
    assert.equal(limiter.queued, 1);
  });

  test('past the burst, starts follow the rate: one every 1/perSecond, timed by the clock', async () => {
    const clock = new FakeClock();
    const limiter = new RefreshLimiter(clock, { maxConcurrent: 100, perSecond: 2, burst: 2 });
    const { started } = ask(limiter, clock, 5);
    await flushAsync();
    assert.equal(started.length, 2, 'the burst');
    assert.equal(clock.pending, 1, 'one wake-up, not one per waiter');
    await clock.advance(499);
    assert.equal(started.length, 2);
    await clock.advance(1);
    assert.equal(started.length, 3);
    await clock.advance(1000);
    assert.deepEqual(
      started.map((s) => s.at),
      [0, 0, 500, 1000, 1500],
    );
    assert.equal(clock.pending, 0, 'no wake-up once nobody waits');
  });

  test('an idle spell refills the bucket, but never past the burst', async () => {
    const clock = new FakeClock();
    const limiter = new RefreshLimiter(clock, { maxConcurrent: 100, perSecond: 1, burst: 3 });
    const first = ask(limiter, clock, 3);
    await flushAsync();
    assert.equal(first.started.length, 3);
    await clock.advance(60_000);
    const second = ask(limiter, clock, 5);
    await flushAsync();
    assert.equal(second.started.length, 3, 'a minute idle banks 3 starts, not 60');
    await clock.advance(1000);
    assert.equal(second.started.length, 4);
  });

  test('a full concurrency cap waits for a release, not for the clock', async () => {
    const clock = new FakeClock();
    const limiter = new RefreshLimiter(clock, { maxConcurrent: 1, perSecond: 1, burst: 1 });
    const { started, releases } = ask(limiter, clock, 2);
    await flushAsync();
    assert.equal(started.length, 1);
    assert.equal(clock.pending, 0, 'nothing to wake up for while the cap is full');
    releases[0]!();
    await flushAsync();
    assert.equal(started.length, 1, 'the bucket is empty: it waits for the next drop');
    assert.equal(clock.pending, 1);
    await clock.advance(1000);
    assert.equal(started.length, 2);
  });

  test('a fractional token left over shortens the wait to the next one', async () => {
    const clock = new FakeClock();
    const limiter = new RefreshLimiter(clock, { maxConcurrent: 10, perSecond: 4, burst: 1 });
    const { started } = ask(limiter, clock, 1);
    await flushAsync();
    assert.equal(started.length, 1);
    await clock.advance(125); // half a token has dripped in
    const later = ask(limiter, clock, 1);
    await flushAsync();
    assert.equal(later.started.length, 0);
    await clock.advance(124);
    assert.equal(later.started.length, 0);
    await clock.advance(1);
    assert.equal(later.started.length, 1, 'the other half took 125 ms, not 250');
  });
});
