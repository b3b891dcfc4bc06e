/**
 * Wall-clock time in an IANA time zone, without a date library: Intl knows
 * every zone's offsets (DST included) in Node and in the browser alike.
 */
export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a zone Intl knows (Europe/Berlin, America/Los_Angeles, UTC, ...). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at the instant `ms`. */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** The wall time read as if it were UTC: a "floating" number to compare and add to. */
export function floating(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

export function fromFloating(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The zone's offset from UTC at the instant `ms`, in ms (Berlin in summer: +2 h). */
export function offsetAt(ms: number, timeZone: string): number {
  return floating(wallTimeAt(ms, timeZone)) - Math.floor(ms / 1000) * 1000;
}

/**
 * Every instant at which the zone's clocks show `w`: one normally, none in a
 * spring-forward gap (02:30 on the night clocks jump to 03:00), two in a
 * fall-back overlap (02:30 happens twice).
 */
export function instantsOf(w: WallTime, timeZone: string): number[] {
  const local = floating(w);
  const offsets = new Set([
    offsetAt(local - 36 * 3_600_000, timeZone),
    offsetAt(local, timeZone),
    offsetAt(local + 36 * 3_600_000, timeZone),
  ]);
  const hits = new Set<number>();
  for (const offset of offsets) {
    const candidate = local - offset;
    if (floating(wallTimeAt(candidate, timeZone)) === local) hits.add(candidate);
  }
  return [...hits].sort((a, b) => a - b);
}

/**
 * The instant of a wall time as calendars read it (RFC 5545, 3.3.5): in a gap
 * the time moves forward by the gap (02:30 becomes 03:30), in an overlap the
 * first of the two is taken.
 */
export function resolveWallTime(w: WallTime, timeZone: string): number {
  const hits = instantsOf(w, timeZone);
  if (hits.length > 0) return hits[0] as number;
  const local = floating(w);
  // The offset before the gap, applied to the wall time, lands past the jump.
  return local - offsetAt(local - 36 * 3_600_000, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2025-03-30 15:00" in that zone. */
export function formatWallTime(w: WallTime, seconds = false): string {
  const time = `${pad(w.hour)}:${pad(w.minute)}${seconds ? `:${pad(w.second)}` : ''}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${time}`;
}

/** "GMT+2" style offset label for a zone at an instant. */
export function offsetLabel(ms: number, timeZone: string): string {
  const minutes = Math.round(offsetAt(ms, timeZone) / 60_000);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
}

/** "Tue 2025-04-01 15:00 Europe/Berlin (UTC+2)": what a person reads back. */
export function describeInstant(ms: number, timeZone: string): string {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(
    new Date(ms),
  );
  return `${weekday} ${formatWallTime(wallTimeAt(ms, timeZone))} ${timeZone} (${offsetLabel(ms, timeZone)})`;
}
