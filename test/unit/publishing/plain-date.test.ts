import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { parsePublishAt } from '../../../src-shared/publishing/plain-date.ts';

// Wednesday 26 March 2025, 11:00 in Berlin (CET, UTC+1); the clocks change on Sunday the 30th.
const now = Date.parse('2025-03-26T10:00:00Z');
const tz = 'Europe/Berlin';
const ok = (text: string, at = now, zone = tz) => {
  const r = parsePublishAt(text, at, zone);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.reason}`);
  return r;
};
const refused = (text: string, at = now, zone = tz) => {
  const r = parsePublishAt(text, at, zone);
  assert.ok(!r.ok, `${text} should be refused, read ${r.ok ? r.iso : ''}`);
  return r.reason;
};

describe('publish times in plain words, in a fixed time zone', () => {
  test('"next tuesday 3pm" is 15:00 Berlin summer time, after the change', () => {
    const r = ok('next tuesday 3pm');
    assert.equal(r.iso, '2025-04-01T13:00:00.000Z');
    assert.equal(r.display, 'Tue 2025-04-01 15:00 Europe/Berlin (UTC+2)');
  });

  test('"tomorrow at 15:00" and "in 2 hours" are read from the zone\'s wall clock', () => {
    assert.equal(ok('tomorrow at 15:00').iso, '2025-03-27T14:00:00.000Z');
    assert.equal(ok('in 2 hours').iso, '2025-03-26T12:00:00.000Z');
    // 23:30 UTC is already Thursday 00:30 in Berlin: "tomorrow" is Friday there.
    assert.equal(
      ok('tomorrow 3pm', Date.parse('2025-03-26T23:30:00Z')).iso,
      '2025-03-28T14:00:00.000Z',
    );
  });

  test("the same words in America/Los_Angeles give that zone's 3pm", () => {
    assert.equal(
      ok('next tuesday 3pm', now, 'America/Los_Angeles').iso,
      '2025-04-01T22:00:00.000Z',
    );
  });

  test("ISO 8601 keeps working, with an offset or in the user's zone", () => {
    assert.equal(ok('2025-06-01T15:00:00+02:00').iso, '2025-06-01T13:00:00.000Z');
    assert.equal(ok('2025-06-01T15:00:00Z').iso, '2025-06-01T15:00:00.000Z');
    assert.equal(ok('2025-06-01T15:00').iso, '2025-06-01T13:00:00.000Z');
    assert.equal(ok('2025-12-01 09:00').iso, '2025-12-01T08:00:00.000Z');
  });

  test('a time in the past is refused and says when it was', () => {
    assert.match(refused('yesterday 3pm'), /is in the past \(Tue 2025-03-25 15:00 Europe\/Berlin/);
    assert.match(refused('2024-01-01T10:00:00Z'), /in the past/);
  });

  test('ambiguous input is refused with why', () => {
    assert.match(refused('next tuesday'), /gives no time of day/);
    assert.match(refused('friday or saturday at 5pm'), /ambiguous: it names 2 times/);
    assert.match(refused('03/04 3pm'), /"03\/04" is ambiguous \(day\/month or month\/day\)/);
    assert.match(refused('tomorrow at 3'), /3 could be 3am or 3pm/);
    assert.match(refused('2025-10-26T02:30'), /happens twice that night/);
    assert.match(refused('2025-03-30T02:30'), /does not exist that day/);
    assert.match(refused('banana'), /does not read as a date/);
    assert.match(refused('next tuesday 3pm with cake'), /only "next tuesday 3pm" reads as a date/);
  });
});
