const units = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `${Math.round(seconds)} s left`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min left`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min left`;
}

// One formatter for every call: toLocaleString with options builds a new one each time, which
// showed in the Queue's frame times (bench/queue-frames.bench.ts). Built at the first call, not
// when the module loads: the first formatter loads the locale's data (~60 ms in Chromium here),
// which a first screen with nothing to date need not wait for.
let timeFormat: Intl.DateTimeFormat | undefined;

/** "Tue 14:05" in the user's locale. */
export function formatTime(iso: string): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return timeFormat.format(new Date(iso));
}

/**
 * Quota is counted per OAuth client. A Google client id starts with its
 * project number ("123456789012-abc….apps.googleusercontent.com"): that is
 * the short name a creator can match in the Cloud Console.
 */
export function projectLabel(clientId: string): string {
  const number = /^(\d+)-/.exec(clientId)?.[1];
  return number ? `project ${number}` : clientId;
}
