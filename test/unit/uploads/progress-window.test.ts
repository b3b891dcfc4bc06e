// ProgressMeter's sliding window, its first sample and its behaviour when a timer fires late
// (a busy event loop): one event per interval, never two.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { Clock } from '../../../src-main/base/clock.ts';
import {
  ProgressMeter,
  progressIntervalMs,
  type ProgressSample,
} from '../../../src-main/uploads/progress-meter.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';

const MiB = 1024 * 1024;

/** A clock whose timers fire only when the test says: a late timer, on purpose. */
class LateClock implements Clock {
  t = 0;
  readonly timers = new Set<() => void>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void): () => void {
    this.timers.add(fn);
    return () => this.timers.delete(fn);
  }
}

describe('ProgressMeter window and timing', () => {
  test('the rate follows the last five seconds, not the whole upload', async () => {
    const clock = new FakeClock();
    const events: ProgressSample[] = [];
    const m = new ProgressMeter(clock, 1000 * MiB, (s) => events.push(s));
    for (let i = 0; i < 40; i++) {
      await clock.advance(progressIntervalMs);
      m.add(MiB / 4); // 1 MiB/s for 10 s
    }
    for (let i = 0; i < 40; i++) {
      await clock.advance(progressIntervalMs);
      m.add(MiB / 8); // then 0.5 MiB/s for 10 s
    }
    const rate = events.at(-1)!.rate;
    assert.ok(Math.abs(rate - MiB / 2) < MiB / 16, `rate ${rate}`);
  });

  test('the first event has no rate and no ETA yet', () => {
    const clock = new FakeClock();
    const events: ProgressSample[] = [];
    const m = new ProgressMeter(clock, 1000, (s) => events.push(s));
    m.add(10);
    assert.deepEqual(events, [{ bytesSent: 10, rate: 0, etaSeconds: null }]);
  });

  test('the rate is rounded to whole bytes per second, the ETA to whole seconds', async () => {
    const clock = new FakeClock();
    const events: ProgressSample[] = [];
    const m = new ProgressMeter(clock, 10_000, (s) => events.push(s));
    m.add(0);
    await clock.advance(3000);
    m.add(1000); // 1000 bytes in 3 s: 333.33 B/s; 9000 left: 27 s
    assert.deepEqual(events.at(-1), { bytesSent: 1000, rate: 333, etaSeconds: 27 });
  });

  test('after stop() nothing is emitted, however much arrives', async () => {
    const clock = new FakeClock();
    const events: ProgressSample[] = [];
    const m = new ProgressMeter(clock, 1000, (s) => events.push(s));
    m.stop();
    await clock.advance(progressIntervalMs);
    m.add(10);
    m.confirm(20);
    await clock.advance(progressIntervalMs);
    assert.deepEqual(events, []);
  });

  test('a trailing event whose timer is late is replaced by the next due one, not added to it', () => {
    const clock = new LateClock();
    const events: ProgressSample[] = [];
    const m = new ProgressMeter(clock, 1000, (s) => events.push(s));
    m.add(1); // at 0: emitted at once
    clock.t = 100;
    m.add(1); // inside the interval: a trailing event is scheduled
    assert.equal(clock.timers.size, 1);
    clock.t = 400; // its timer has not fired yet
    m.add(1);
    assert.equal(events.length, 2, 'the due event went at once');
    assert.equal(clock.timers.size, 0, 'and the late trailing one is cancelled');
    assert.equal(events[1]?.bytesSent, 3);
  });

  test('the trailing event fires at the end of the interval with the bytes then', () => {
    const clock = new LateClock();
    const events: ProgressSample[] = [];
    const m = new ProgressMeter(clock, 1000, (s) => events.push(s));
    m.add(1);
    clock.t = 100;
    m.add(2);
    m.add(3);
    assert.equal(clock.timers.size, 1, 'one trailing event for the whole burst');
    clock.t = progressIntervalMs;
    for (const fire of [...clock.timers]) {
      clock.timers.delete(fire);
      fire();
    }
    assert.deepEqual(
      events.map((e) => e.bytesSent),
      [1, 6],
    );
    clock.t = progressIntervalMs + 100;
    m.add(1);
    assert.equal(events.length, 2, 'the interval restarts from the trailing event');
    assert.equal(clock.timers.size, 1);
  });
});
