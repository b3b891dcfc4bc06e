import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import {
  nextPacificMidnight,
  pacificDay,
  youtubeTagsLength,
} from '../../fakes/google-sandbox/index.ts';

describe('the sandbox quota day (America/Los_Angeles)', () => {
  test('summer days start at 07:00 UTC (PDT)', () => {
    assert.equal(pacificDay(Date.parse('2026-07-01T06:59:59Z')), '2026-06-30');
    assert.equal(pacificDay(Date.parse('2026-07-01T07:00:00Z')), '2026-07-01');
    assert.equal(
      new Date(nextPacificMidnight(Date.parse('2026-06-30T12:00:00Z'))).toISOString(),
      '2026-07-01T07:00:00.000Z',
    );
  });

  test('winter days start at 08:00 UTC (PST)', () => {
    assert.equal(pacificDay(Date.parse('2026-01-15T07:30:00Z')), '2026-01-14');
    assert.equal(
      new Date(nextPacificMidnight(Date.parse('2026-01-15T07:30:00Z'))).toISOString(),
      '2026-01-15T08:00:00.000Z',
    );
  });

  test('across the DST switches the next midnight is still midnight', () => {
    // 8 March 2026 (spring forward) and 1 November 2026 (fall back).
    assert.equal(
      new Date(nextPacificMidnight(Date.parse('2026-03-08T12:00:00Z'))).toISOString(),
      '2026-03-09T07:00:00.000Z',
    );
    assert.equal(
      new Date(nextPacificMidnight(Date.parse('2026-11-01T12:00:00Z'))).toISOString(),
      '2026-11-02T08:00:00.000Z',
    );
    assert.equal(
      new Date(nextPacificMidnight(Date.parse('2026-03-07T12:00:00Z'))).toISOString(),
      '2026-03-08T08:00:00.000Z',
    );
  });
});

describe("YouTube's tag length", () => {
  test('counts commas between tags and quotes around tags with spaces', () => {
    assert.equal(youtubeTagsLength([]), 0);
    assert.equal(youtubeTagsLength(['abc']), 3);
    assert.equal(youtubeTagsLength(['abc', 'de']), 6);
    assert.equal(youtubeTagsLength(['a b', 'c']), 3 + 2 + 1 + 1);
  });
});
