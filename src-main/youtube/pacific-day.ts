import {
  fromFloating,
  resolveWallTime,
  wallTimeAt,
} from '../../src-shared/publishing/zoned-time.ts';

/** YouTube's quota day runs from midnight to midnight in America/Los_Angeles (DST included). */
const zone = 'America/Los_Angeles';

/** The quota day containing `ms`, as YYYY-MM-DD in Pacific time. */
export function pacificDay(ms: number): string {
  const f = wallTimeAt(ms, zone);
  return `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** The next Pacific midnight strictly after `ms`: when the quota resets. */
export function nextPacificMidnight(ms: number): number {
  const today = wallTimeAt(ms, zone);
  // The next calendar day's 00:00 (month and year ends roll over), at the offset it has then:
  // Los Angeles changes its clocks at 02:00, so midnight is never in a gap or an overlap.
  const tomorrow = fromFloating(Date.UTC(today.year, today.month - 1, today.day + 1));
  return resolveWallTime(tomorrow, zone);
}
