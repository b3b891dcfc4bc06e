// The Queue's date formatters are built when a date is first shown, once, not when the screen's
// modules load: the first Intl.DateTimeFormat loads the locale's data, which an empty first screen
// must not wait for (e4ef396).
import assert from 'node:assert/strict';
import { afterEach, test, vi } from 'vitest';
import type { Job } from '../../../src-shared/domain/job.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

test('loading the modules builds no formatter; dates shown build one each, then reuse it', async () => {
  vi.resetModules();
  const built = vi.spyOn(Intl, 'DateTimeFormat');
  const { formatTime } = await import('../../../src-renderer/components/format.ts');
  const { statusText } = await import('../../../src-renderer/screens/queue/job-status.ts');
  assert.equal(built.mock.calls.length, 0, 'a formatter was built when the modules loaded');

  const at = '2026-12-01T15:30:00.000Z';
  assert.equal(formatTime(at), formatTime(at));
  assert.equal(built.mock.calls.length, 1);

  const waiting = { state: 'waiting', waitUntil: at, waitReason: 'quota' } as unknown as Job;
  const text = statusText(waiting, Date.parse(at) - 3_600_000);
  statusText(waiting, Date.parse(at) - 3_600_000);
  assert.match(text, /resumes in 1 h \(.+\)$/);
  // The Pacific clock, once; the time itself reuses formatTime's formatter.
  assert.equal(built.mock.calls.length, 2);
});
