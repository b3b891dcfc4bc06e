import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import {
  ProgressMeter,
  progressIntervalMs,
  type ProgressSample,
} from '../../../src-main/uploads/progress-meter.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';

function meter(total: number) {
  const clock = new FakeClock();
  const events: ProgressSample[] = [];
  return { clock, events, meter: new ProgressMeter(clock, total, (s) => events.push(s)) };
}

describe('ProgressMeter', () => {
  test('emits at most once per interval however many pieces arrive, and shows the end of a burst', async () => {
    const { clock, events, meter: m } = meter(100 * 1024 * 1024);
    m.add(1);
    for (let i = 0; i < 1000; i++) m.add(1024);
    assert.equal(events.length, 1, 'only the first piece of the interval emits at once');
    await clock.advance(progressIntervalMs);
    assert.equal(events.length, 2, 'the rest of the burst follows when the interval is over');
    assert.equal(events[1]!.bytesSent, 1 + 1000 * 1024);
    await clock.advance(10 * progressIntervalMs);
    assert.equal(events.length, 2, 'nothing new, nothing sent');
  });

  test('stop() cancels a pending event: nothing follows the job leaving the upload', async () => {
    const { clock, events, meter: m } = meter(1000);
    m.add(1);
    m.add(1);
    m.stop();
    await clock.advance(progressIntervalMs * 2);
    assert.equal(events.length, 1);
    assert.equal(clock.pending, 0);
  });

  test('rate and ETA follow the bytes over time; confirm replaces the in-flight bytes', async () => {
    const total = 10 * 1024 * 1024;
    const { clock, events, meter: m } = meter(total);
    m.confirm(0);
    for (let i = 0; i < 8; i++) {
      await clock.advance(progressIntervalMs);
      m.add(256 * 1024); // 1 MiB per second
    }
    const last = events.at(-1)!;
    assert.equal(last.bytesSent, 2 * 1024 * 1024);
    assert.ok(Math.abs(last.rate - 1024 * 1024) < 64 * 1024, `rate ${last.rate}`);
    assert.equal(last.etaSeconds, 8);
    await clock.advance(progressIntervalMs);
    // Google holds less than was written (a dropped chunk): progress goes back to what it holds.
    m.confirm(1024 * 1024);
    assert.equal(events.at(-1)!.bytesSent, 1024 * 1024);
  });

  test('bytes sent never exceed the total', async () => {
    const { clock, events, meter: m } = meter(1000);
    await clock.advance(progressIntervalMs);
    m.add(5000);
    assert.equal(events.at(-1)!.bytesSent, 1000);
  });
});
