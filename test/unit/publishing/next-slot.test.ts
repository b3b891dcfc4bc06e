import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import {
  compileSchedule,
  nextFreeSlots,
  scheduleProblems,
  type ScheduleSpec,
} from '../../../src-shared/publishing/schedule.ts';
import { holdsSlot } from '../../../src-shared/publishing/slots.ts';
import { wallTimeAt } from '../../../src-shared/publishing/zoned-time.ts';

const berlin = (rrule: string, extra: Partial<ScheduleSpec> = {}): ScheduleSpec => ({
  rrule,
  tz: 'Europe/Berlin',
  start: '2025-01-01',
  exceptions: [],
  ...extra,
});
const iso = (ms: number) => new Date(ms).toISOString();
const tueThu = 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0';

describe('next free slot', () => {
  test('Tue and Thu at 15:00 Berlin: the next slots after a Wednesday morning', () => {
    const s = compileSchedule(berlin(tueThu), 0);
    const now = Date.parse('2025-06-11T08:00:00Z'); // Wednesday
    assert.deepEqual(nextFreeSlots(s, now, new Set(), 3).map(iso), [
      '2025-06-12T13:00:00.000Z', // Thu 15:00 CEST
      '2025-06-17T13:00:00.000Z',
      '2025-06-19T13:00:00.000Z',
    ]);
  });

  test('slots held by jobs are skipped; a slot exactly at now is not offered', () => {
    const s = compileSchedule(berlin(tueThu), 0);
    const thu = Date.parse('2025-06-12T13:00:00Z');
    const taken = new Set([thu, Date.parse('2025-06-17T13:00:00Z')]);
    assert.deepEqual(nextFreeSlots(s, Date.parse('2025-06-11T08:00:00Z'), taken, 1).map(iso), [
      '2025-06-19T13:00:00.000Z',
    ]);
    assert.deepEqual(nextFreeSlots(s, thu, new Set(), 1).map(iso), ['2025-06-17T13:00:00.000Z']);
  });

  test('a cancelled job frees its slot; queued, done and retryable failures keep it', () => {
    const base = { videoId: null, error: null };
    assert.equal(holdsSlot({ ...base, state: 'queued' }), true);
    assert.equal(holdsSlot({ ...base, state: 'done', videoId: 'v1' }), true);
    assert.equal(holdsSlot({ ...base, state: 'cancelled' }), false);
    // Cancelled after the video reached YouTube: YouTube still publishes it at that time.
    assert.equal(holdsSlot({ ...base, state: 'cancelled', videoId: 'v1' }), true);
    assert.equal(holdsSlot({ ...base, state: 'failed', error: { code: 'network' } }), true);
    assert.equal(holdsSlot({ ...base, state: 'failed', error: { code: 'invalid_file' } }), false);
  });

  test('exceptions skip a whole day or one slot', () => {
    const s = compileSchedule(
      berlin(tueThu, { exceptions: ['2025-06-12', '2025-06-17T15:00'] }),
      0,
    );
    assert.deepEqual(nextFreeSlots(s, Date.parse('2025-06-11T08:00:00Z'), new Set(), 2).map(iso), [
      '2025-06-19T13:00:00.000Z',
      '2025-06-24T13:00:00.000Z',
    ]);
  });

  test('Europe/Berlin across the spring and autumn changes: 15:00 stays 15:00', () => {
    const s = compileSchedule(berlin('FREQ=DAILY;BYHOUR=15;BYMINUTE=0'), 0);
    const spring = nextFreeSlots(s, Date.parse('2025-03-29T00:00:00Z'), new Set(), 2);
    assert.deepEqual(spring.map(iso), ['2025-03-29T14:00:00.000Z', '2025-03-30T13:00:00.000Z']);
    const autumn = nextFreeSlots(s, Date.parse('2025-10-25T00:00:00Z'), new Set(), 2);
    assert.deepEqual(autumn.map(iso), ['2025-10-25T13:00:00.000Z', '2025-10-26T14:00:00.000Z']);
    for (const at of [...spring, ...autumn]) assert.equal(wallTimeAt(at, 'Europe/Berlin').hour, 15);
  });

  test('America/Los_Angeles across its own (earlier) changes: 09:30 stays 09:30', () => {
    const s = compileSchedule(
      {
        rrule: 'FREQ=WEEKLY;BYDAY=SU,MO;BYHOUR=9;BYMINUTE=30',
        tz: 'America/Los_Angeles',
        start: null,
        exceptions: [],
      },
      Date.parse('2025-01-01T00:00:00Z'),
    );
    const march = nextFreeSlots(s, Date.parse('2025-03-08T00:00:00Z'), new Set(), 2);
    assert.deepEqual(march.map(iso), ['2025-03-09T16:30:00.000Z', '2025-03-10T16:30:00.000Z']);
    const before = nextFreeSlots(s, Date.parse('2025-03-02T00:00:00Z'), new Set(), 1);
    assert.deepEqual(before.map(iso), ['2025-03-02T17:30:00.000Z']); // PST, UTC-8
    const november = nextFreeSlots(s, Date.parse('2025-11-01T00:00:00Z'), new Set(), 2);
    assert.deepEqual(november.map(iso), ['2025-11-02T17:30:00.000Z', '2025-11-03T17:30:00.000Z']);
  });

  test('a slot in the spring-forward gap moves past the jump; in the autumn overlap the first is taken', () => {
    const s = compileSchedule(berlin('FREQ=DAILY;BYHOUR=2;BYMINUTE=30'), 0);
    const [gap] = nextFreeSlots(s, Date.parse('2025-03-29T12:00:00Z'), new Set(), 1);
    assert.equal(iso(gap as number), '2025-03-30T01:30:00.000Z'); // 03:30 CEST
    const [overlap] = nextFreeSlots(s, Date.parse('2025-10-25T12:00:00Z'), new Set(), 1);
    assert.equal(iso(overlap as number), '2025-10-26T00:30:00.000Z'); // the first 02:30 (CEST)
  });

  test('bad rules, zones and dates are named by field', () => {
    const problems = (spec: Partial<ScheduleSpec>) =>
      scheduleProblems({ ...berlin(tueThu), ...spec }).map((p) => `${p.field}: ${p.message}`);
    assert.match(problems({ rrule: 'BYDAY=TU' })[0]!, /^rrule: needs FREQ=/);
    assert.match(problems({ rrule: 'FREQ=MINUTELY' })[0]!, /^rrule: FREQ=MINUTELY is not one of/);
    assert.match(problems({ rrule: 'FREQ=WEEKLY;BYDAY=XX' })[0]!, /^rrule: BYDAY takes MO/);
    assert.match(
      problems({ rrule: 'FREQ=DAILY;BYHOUR=25' })[0]!,
      /^rrule: BYHOUR takes hours 0-23/,
    );
    assert.match(problems({ tz: 'Mars/Olympus' })[0]!, /^tz: "Mars\/Olympus" is not a time zone/);
    assert.match(problems({ start: '2025-02-30' })[0]!, /^start: "2025-02-30" is not a date/);
    assert.match(problems({ exceptions: ['tomorrow'] })[0]!, /^exceptions: exception 1 "tomorrow"/);
    assert.deepEqual(problems({}), []);
  });
});
