// zod/mini: the renderer loads this file (see metadata.ts).
import * as z from 'zod/mini';

/**
 * A publishing rhythm: an RFC 5545 recurrence rule (without DTSTART) read in
 * a time zone, from a start date, minus exceptions. The rules that check and
 * expand it live in src-shared/publishing/schedule.ts.
 */
export const ScheduleSpecSchema = z.object({
  /** e.g. FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0 */
  rrule: z.string().check(z.minLength(1)),
  /** IANA zone, e.g. Europe/Berlin. */
  tz: z.string().check(z.minLength(1)),
  /** First day (YYYY-MM-DD) or wall-clock time the rule counts from; null: the day it was set. */
  start: z._default(z.nullable(z.string()), null),
  /** Days (YYYY-MM-DD) or wall-clock slots (YYYY-MM-DDTHH:MM) in `tz` that are skipped. */
  exceptions: z._default(z.array(z.string()), []),
});
export type ScheduleSpec = z.infer<typeof ScheduleSpecSchema>;

/**
 * How a video gets its publish time from a preset or a folder: the channel's
 * own schedule, or a rhythm of its own (slots are still per channel).
 */
export const ScheduleChoiceSchema = z.union([z.literal('channel'), ScheduleSpecSchema]);
export type ScheduleChoice = z.infer<typeof ScheduleChoiceSchema>;
