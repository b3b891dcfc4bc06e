import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { statusText, untilText } from '../../../src-renderer/screens/queue/job-status.ts';
import type { Job } from '../../../src-shared/domain/job.ts';
import { job } from '../../helpers/domain-fixtures.ts';

// Every case has its own "now": the words must not depend on the hour the suite runs at.
const now = Date.parse('2026-12-01T12:00:00.000Z'); // 04:00 in Los Angeles
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('untilText: how long until, the way people say it', () => {
  const cases: [number, string][] = [
    [-5, 'a moment'],
    [0.4, 'a moment'],
    [1, '1 min'],
    [45, '45 min'],
    [59, '59 min'],
    [60, '1 h'],
    [69, '1 h'],
    [70, '1 h 10 min'],
    [9 * 60 + 59, '9 h 59 min'],
    [10 * 60 + 40, '11 h'],
    [20 * 60, '20 h'],
    [23 * 60 + 50, '24 h'],
    [24 * 60, '1 d'],
    [60 * 60, '3 d'],
  ];
  for (const [minutes, words] of cases)
    test(`${minutes} min → ${words}`, () => assert.equal(untilText(at(minutes), now), words));
});

describe('statusText: a waiting job says why and until when', () => {
  const waiting = (waitReason: Job['waitReason'], waitUntil: string | null) =>
    job('j', 'UC1', { state: 'waiting', waitReason, waitUntil });

  test('quota, at Pacific midnight: 20 h, named as midnight Pacific', () => {
    assert.equal(
      statusText(waiting('quota', '2026-12-02T08:00:00.000Z'), now),
      'waiting for quota: resumes in 20 h (midnight Pacific)',
    );
  });
  test('quota, in the hour before Pacific midnight: minutes, still midnight Pacific', () => {
    const lateEvening = Date.parse('2026-12-02T07:15:00.000Z'); // 23:15 in Los Angeles
    assert.equal(
      statusText(waiting('quota', '2026-12-02T08:00:00.000Z'), lateEvening),
      'waiting for quota: resumes in 45 min (midnight Pacific)',
    );
  });
  test('quota with no time: when it resets', () => {
    assert.equal(
      statusText(waiting('quota', null), now),
      'waiting for quota: resumes when it resets',
    );
  });
  test('a time that is not Pacific midnight is given as a clock time, not as midnight', () => {
    const text = statusText(waiting('quota', at(90)), now);
    assert.match(text, /^waiting for quota: resumes in 1 h 30 min \(/);
    assert.doesNotMatch(text, /midnight Pacific/);
  });
  test('the other reasons', () => {
    assert.match(
      statusText(waiting('channel_limit', at(30)), now),
      /^waiting: the channel's daily upload cap ends in 30 min/,
    );
    assert.equal(statusText(waiting('offline', null), now), 'waiting for the network to come back');
    assert.equal(statusText(waiting('token', null), now), "waiting for the channel's sign-in");
    assert.match(
      statusText(waiting('token', at(5)), now),
      /^waiting for the channel's sign-in: tries again in 5 min/,
    );
    assert.equal(statusText(waiting('backoff', null), now), 'waiting: tries again shortly');
  });
  test('states without a reason say the state', () => {
    assert.equal(statusText(job('j', 'UC1', { state: 'queued' }), now), 'queued');
    assert.equal(
      statusText(job('j', 'UC1', { state: 'processing' }), now),
      'uploaded: setting thumbnail, playlist and captions',
    );
    assert.equal(statusText(job('j', 'UC1', { state: 'failed' }), now), 'failed');
  });
});
