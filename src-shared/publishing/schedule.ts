import { ScheduleSpecSchema, type ScheduleSpec } from '../domain/schedule-spec.ts';
import { RRule, type RRuleOptions } from './rrule-interop.ts';
import {
  floating,
  fromFloating,
  isTimeZone,
  resolveWallTime,
  wallTimeAt,
  type WallTime,
} from './zoned-time.ts';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/;

export { ScheduleSpecSchema, type ScheduleSpec };

export type ScheduleProblem = { field: keyof ScheduleSpec; message: string };

const frequencies: Record<string, number> = {
  YEARLY: RRule.YEARLY,
  MONTHLY: RRule.MONTHLY,
  WEEKLY: RRule.WEEKLY,
  DAILY: RRule.DAILY,
  HOURLY: RRule.HOURLY,
};

function parseWall(text: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const w: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  };
  // Date.UTC rolls 2025-02-30 over to March: a date that does not come back is not a date.
  const back = fromFloating(floating(w));
  const same = (Object.keys(w) as (keyof WallTime)[]).every((k) => back[k] === w[k]);
  return same && w.hour < 24 ? w : null;
}

const inRange = (values: number | number[] | null | undefined, lo: number, hi: number) =>
  values === null ||
  values === undefined ||
  (Array.isArray(values) ? values : [values]).every(
    (v) => Number.isInteger(v) && v >= lo && v <= hi,
  );

/** The rule's options, or why it cannot be a publishing rhythm. */
function parseRule(text: string): RRuleOptions | string {
  const rule = text.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|TZID/i.test(rule))
    return 'give the rule without DTSTART or TZID; the start date and the zone are their own fields';
  const freq = /(?:^|;)FREQ=([A-Z]+)/i.exec(rule)?.[1]?.toUpperCase();
  if (!freq) return 'needs FREQ=, e.g. FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0';
  if (!(freq in frequencies))
    return `FREQ=${freq} is not one of ${Object.keys(frequencies).join(', ')} (uploads need at least an hour between slots)`;
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(rule);
  } catch (error) {
    return `cannot be read: ${(error as Error).message}`;
  }
  const weekdays = options.byweekday;
  if (Array.isArray(weekdays) && weekdays.some((d) => d === undefined || d === null))
    return 'BYDAY takes MO, TU, WE, TH, FR, SA, SU (comma-separated)';
  if (!inRange(options.byhour, 0, 23)) return 'BYHOUR takes hours 0-23';
  if (!inRange(options.byminute, 0, 59)) return 'BYMINUTE takes minutes 0-59';
  if (!inRange(options.bysecond, 0, 59)) return 'BYSECOND takes seconds 0-59';
  if (!inRange(options.bymonth, 1, 12)) return 'BYMONTH takes months 1-12';
  if (!inRange(options.bymonthday, -31, 31)) return 'BYMONTHDAY takes days -31..31';
  if (
    options.interval !== undefined &&
    !(Number.isInteger(options.interval) && options.interval >= 1)
  )
    return 'INTERVAL takes a whole number of 1 or more';
  return options as RRuleOptions;
}

/** Every problem of a schedule, by field; empty when it can be used. */
export function scheduleProblems(spec: ScheduleSpec): ScheduleProblem[] {
  const out: ScheduleProblem[] = [];
  const rule = parseRule(spec.rrule);
  if (typeof rule === 'string') out.push({ field: 'rrule', message: rule });
  if (!isTimeZone(spec.tz))
    out.push({
      field: 'tz',
      message: `"${spec.tz}" is not a time zone (use an IANA name like Europe/Berlin)`,
    });
  if (spec.start !== null && !parseWall(spec.start))
    out.push({
      field: 'start',
      message: `"${spec.start}" is not a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)`,
    });
  spec.exceptions.forEach((e, i) => {
    if (!(dateOnly.test(e) || dateTime.test(e)) || !parseWall(e))
      out.push({
        field: 'exceptions',
        message: `exception ${i + 1} "${e}" is not a date (YYYY-MM-DD) or slot (YYYY-MM-DDTHH:MM)`,
      });
  });
  return out;
}

export function describeScheduleProblems(problems: readonly ScheduleProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}

/** A schedule made usable; throws with every problem named when it is not. */
export interface CompiledSchedule {
  spec: ScheduleSpec;
  /** Slot instants (ms) strictly after `afterMs`, in order, skipping exceptions; at most `limit`. */
  slotsAfter(afterMs: number, limit: number): number[];
}

export function compileSchedule(spec: ScheduleSpec, setAtMs: number): CompiledSchedule {
  const problems = scheduleProblems(spec);
  if (problems.length) throw new Error(describeScheduleProblems(problems));
  const options = parseRule(spec.rrule) as RRuleOptions;
  const start = spec.start
    ? (parseWall(spec.start) as WallTime)
    : { ...wallTimeAt(setAtMs, spec.tz), hour: 0, minute: 0, second: 0 };
  // The rule runs on floating wall-clock times; each is placed in the zone afterwards.
  const rule = new RRule({ ...options, dtstart: new Date(floating(start)), tzid: null });
  const skipDays = new Set(spec.exceptions.filter((e) => dateOnly.test(e)));
  const skipSlots = new Set(
    spec.exceptions.filter((e) => !dateOnly.test(e)).map((e) => floating(parseWall(e) as WallTime)),
  );
  const skipped = (wall: number): boolean =>
    skipSlots.has(wall) || skipDays.has(new Date(wall).toISOString().slice(0, 10));
  return {
    spec,
    slotsAfter(afterMs, limit) {
      const out: number[] = [];
      // A day's margin: the zone's offset is unknown until a wall time is placed.
      let cursor = new Date(floating(wallTimeAt(afterMs, spec.tz)) - 86_400_000);
      for (let guard = 0; out.length < limit && guard < 100_000; guard++) {
        const next = rule.after(cursor, false);
        if (!next) break;
        cursor = next;
        const wall = next.getTime();
        if (skipped(wall)) continue;
        const at = resolveWallTime(fromFloating(wall), spec.tz);
        if (at > afterMs && at !== out[out.length - 1]) out.push(at);
      }
      return out;
    },
  };
}

/** The next `count` slots after `nowMs` that no job holds (`taken`: slot instants in ms). */
export function nextFreeSlots(
  schedule: CompiledSchedule,
  nowMs: number,
  taken: ReadonlySet<number>,
  count: number,
): number[] {
  const free: number[] = [];
  let after = nowMs;
  for (let round = 0; free.length < count && round < 1000; round++) {
    const batch = schedule.slotsAfter(after, Math.max(16, count * 2));
    if (batch.length === 0) break;
    for (const at of batch) {
      if (!taken.has(at)) free.push(at);
      if (free.length === count) break;
    }
    after = batch[batch.length - 1] as number;
  }
  return free;
}
