import { expect, onTestFinished, test, vi } from 'vitest';
import { act } from 'react';
import { render } from 'vitest-browser-react';
import { JobRow } from '../../src-renderer/screens/queue/JobRow.tsx';
import { AppTheme } from '../../src-renderer/theme/AppTheme.tsx';
import { job } from '../helpers/domain-fixtures.ts';

test('a waiting row counts down on its own: the time left follows the clock, with no new event', async () => {
  // Fake Date and intervals: the row's clock is advanced, never waited for.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(new Date('2026-12-01T12:00:00.000Z')); // 04:00 in Los Angeles
  onTestFinished(() => void vi.useRealTimers());
  const waiting = job('j1', 'UC1', {
    state: 'waiting',
    waitReason: 'token',
    waitUntil: '2026-12-01T14:00:00.000Z',
  });
  await render(
    <AppTheme>
      <JobRow job={waiting} progress={undefined} />
    </AppTheme>,
  );
  // Read straight from the DOM: the browser matchers poll on timers, and these are fake.
  const status = () => document.querySelector('[data-testid="job-row"] .job-state')?.textContent;
  expect(status()).toMatch(/^waiting for the channel's sign-in: tries again in 2 h \(/);
  await act(() => vi.advanceTimersByTime(61 * 60_000));
  expect(status()).toMatch(/tries again in 59 min \(/);
  await act(() => vi.advanceTimersByTime(59 * 60_000));
  expect(status()).toMatch(/tries again in a moment \(/);
});
