// English alone: chrono.parse is its English casual parser, and the package's index loads
// sixteen locales (half a second of `dropline serve` start-up).
import type { ParsedResult } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { describeInstant, instantsOf, offsetAt, type WallTime } from './zoned-time.ts';

/**
 * A publish time typed by a person: ISO 8601 ("2025-06-01T15:00+02:00", or
 * without an offset in the user's zone) or plain words ("next tuesday 3pm"),
 * read in the user's time zone. Anything that could mean two times, or no
 * time of day, or a time already past, is refused with the reason.
 */
export type PlainDateResult =
  { ok: true; ms: number; iso: string; display: string } | { ok: false; reason: string };

const isoWithOffset =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const isoLocal = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

const refuse = (reason: string): PlainDateResult => ({ ok: false, reason });

function accept(ms: number, nowMs: number, timeZone: string, text: string): PlainDateResult {
  const display = describeInstant(ms, timeZone);
  if (ms <= nowMs)
    return refuse(`"${text}" is in the past (${display}); give a time still to come`);
  return { ok: true, ms, iso: new Date(ms).toISOString(), display };
}

function fromWall(w: WallTime, nowMs: number, timeZone: string, text: string): PlainDateResult {
  const hits = instantsOf(w, timeZone);
  const shown = `${w.hour}:${String(w.minute).padStart(2, '0')}`;
  if (hits.length === 0)
    return refuse(
      `"${text}": ${shown} does not exist that day in ${timeZone} (the clocks jump forward); pick another time`,
    );
  if (hits.length > 1)
    return refuse(
      `"${text}" is ambiguous: ${shown} happens twice that night in ${timeZone} (the clocks go back); give the time with an offset, e.g. ISO 8601`,
    );
  return accept(hits[0] as number, nowMs, timeZone, text);
}

/** Numeric dates like 03/04 read as day/month in some places and month/day in others. */
function swappableNumericDate(text: string): string | null {
  const m = /\b(\d{1,2})[/.](\d{1,2})(?:[/.]\d{2,4})?\b/.exec(text);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a !== b && a >= 1 && a <= 12 && b >= 1 && b <= 12 ? m[0] : null;
}

export function parsePublishAt(input: string, nowMs: number, timeZone: string): PlainDateResult {
  const text = input.trim();
  if (text === '')
    return refuse('give a date and time, e.g. "next tuesday 3pm" or 2025-06-01T15:00');
  if (isoWithOffset.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return refuse(`"${text}" is not a valid ISO 8601 time`);
    return accept(ms, nowMs, timeZone, text);
  }
  const local = isoLocal.exec(text);
  if (local) {
    const [year, month, day, hour, minute, second] = local
      .slice(1)
      .map((v) => Number(v ?? 0)) as number[];
    const w = { year, month, day, hour, minute, second } as WallTime;
    const check = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
    if (check.getUTCMonth() !== w.month - 1 || check.getUTCDate() !== w.day || w.hour > 23)
      return refuse(`"${text}" is not a valid date and time`);
    return fromWall(w, nowMs, timeZone, text);
  }
  const swapped = swappableNumericDate(text);
  if (swapped)
    return refuse(
      `"${swapped}" is ambiguous (day/month or month/day); write the month as a word or use ISO 8601 like 2025-06-01T15:00`,
    );
  // chrono reads relative words ("tomorrow") from the wall clock at this fixed offset.
  const offsetMinutes = Math.round(offsetAt(nowMs, timeZone) / 60_000);
  const results = chrono.parse(
    text,
    { instant: new Date(nowMs), timezone: offsetMinutes },
    { forwardDate: true },
  );
  if (results.length === 0)
    return refuse(
      `"${text}" does not read as a date; try "next tuesday 3pm", "tomorrow at 15:00" or 2025-06-01T15:00`,
    );
  if (results.length > 1)
    return refuse(
      `"${text}" is ambiguous: it names ${results.length} times (${results.map((r) => `"${r.text}"`).join(', ')}); give one`,
    );
  const result = results[0] as ParsedResult;
  const leftover = text
    .replace(result.text, '')
    .replace(/\b(at|on|the)\b/gi, '')
    .trim();
  if (leftover !== '' && !/^[,.!\s]*$/.test(leftover))
    return refuse(`"${text}": only "${result.text}" reads as a date, not "${leftover}"; reword it`);
  if (result.end) return refuse(`"${text}" is a range; give one time to publish at`);
  const start = result.start;
  // "in 2 hours" and times with their own offset are instants, not wall-clock times.
  if (start.isCertain('timezoneOffset'))
    return accept(start.date().getTime(), nowMs, timeZone, text);
  if (!start.isCertain('hour'))
    return refuse(`"${text}" gives no time of day; add one, e.g. "${result.text} 3pm"`);
  const hour = start.get('hour') as number;
  if (
    !start.isCertain('meridiem') &&
    hour >= 1 &&
    hour <= 12 &&
    !/\b\d{1,2}:\d{2}\b/.test(result.text) &&
    !/\b(noon|midnight)\b/i.test(text)
  )
    return refuse(
      `"${text}" is ambiguous: ${hour} could be ${hour}am or ${hour}pm; say which, or use 24-hour time like ${hour + (hour === 12 ? 0 : 12)}:00`,
    );
  return fromWall(
    {
      year: start.get('year') as number,
      month: start.get('month') as number,
      day: start.get('day') as number,
      hour,
      minute: start.get('minute') ?? 0,
      second: start.get('second') ?? 0,
    },
    nowMs,
    timeZone,
    text,
  );
}

/** The time zone of this process or browser: the user's, unless told otherwise. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
