// After an idle spell longer than the rate window, the rate still comes from the last two
// samples, not from nothing.
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { ProgressMeter, type ProgressSample } from '../../../src-main/uploads/progress-meter.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';

test('bytes after six quiet seconds: a rate over those six seconds', async () => {
  const clock = new FakeClock();
  const events: ProgressSample[] = [];
  const m = new ProgressMeter(clock, 10_000_000, (s) => events.push(s));
  m.add(0);
  await clock.advance(6000);
  m.add(6000);
  assert.deepEqual(events.at(-1), { bytesSent: 6000, rate: 1000, etaSeconds: 9994 });
});
