const HOUR = 3600_000;

/** "in 5 days", "in 11 hours", "in 40 minutes": how long a grant has left. */
export function timeLeftWords(ms: number): string {
  if (ms <= 0) return 'now';
  if (ms >= 48 * HOUR) return `in ${Math.floor(ms / (24 * HOUR))} days`;
  if (ms >= 2 * HOUR) return `in ${Math.floor(ms / HOUR)} hours`;
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export const TESTING_MODE_WHY =
  'Google ends sign-ins of an OAuth app in "Testing" mode after 7 days. Publish the app (Google Cloud Console → OAuth consent screen → Publish app) so sign-ins last, or reconnect the channel each week.';
