import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../src-main/db/database.ts';
import { nextPacificMidnight, pacificDay } from '../../../src-main/youtube/pacific-day.ts';
import { defaultQuotaConfig, type QuotaConfig } from '../../../src-main/youtube/quota-costs.ts';
import { QuotaLedger } from '../../../src-main/youtube/quota-ledger.ts';
import { parseRange } from '../../../src-main/youtube/resumable-upload.ts';
import { backoffDelay } from '../../../src-main/base/backoff.ts';

function fakeClock(at: number) {
  const clock = { t: at, now: () => clock.t, setTimeout: () => () => undefined };
  return clock;
}

describe('Pacific quota day', () => {
  test('summer (PDT, UTC-7): resets at 07:00 UTC', () => {
    const t = Date.parse('2026-07-10T06:59:00Z');
    assert.equal(pacificDay(t), '2026-07-09');
    assert.equal(new Date(nextPacificMidnight(t)).toISOString(), '2026-07-10T07:00:00.000Z');
  });
  test('winter (PST, UTC-8): resets at 08:00 UTC', () => {
    const t = Date.parse('2026-01-10T12:00:00Z');
    assert.equal(new Date(nextPacificMidnight(t)).toISOString(), '2026-01-11T08:00:00.000Z');
  });
  test('the day DST starts still resets at local midnight', () => {
    const t = Date.parse('2026-03-08T12:00:00Z'); // 05:00 PDT on the switch day
    assert.equal(new Date(nextPacificMidnight(t)).toISOString(), '2026-03-09T07:00:00.000Z');
  });
  test('the night DST ends (a 25-hour day) resets at the next local midnight, PST', () => {
    const t = Date.parse('2026-11-01T06:59:59Z'); // 23:59:59 PDT on Oct 31
    assert.equal(pacificDay(t), '2026-10-31');
    assert.equal(new Date(nextPacificMidnight(t)).toISOString(), '2026-11-01T07:00:00.000Z');
    const after = Date.parse('2026-11-01T07:00:00Z'); // 00:00 PDT on Nov 1; clocks fall back at 02:00
    assert.equal(new Date(nextPacificMidnight(after)).toISOString(), '2026-11-02T08:00:00.000Z');
  });
  test('New Year: the day and the year roll over', () => {
    const t = Date.parse('2027-01-01T07:30:00Z'); // 23:30 PST on Dec 31
    assert.equal(pacificDay(t), '2026-12-31');
    assert.equal(new Date(nextPacificMidnight(t)).toISOString(), '2027-01-01T08:00:00.000Z');
  });
});

describe('quota ledger', () => {
  test('units model: six 1600-unit uploads fit in 10,000, the seventh does not', () => {
    const db = openDatabase(':memory:');
    const clock = fakeClock(Date.parse('2026-07-10T12:00:00Z'));
    const ledger = new QuotaLedger(db, clock, () => ({ ...defaultQuotaConfig, model: 'units' }));
    for (let i = 0; i < 6; i++) {
      assert.ok(ledger.canAfford('p', 'videos.insert'));
      ledger.charge('p', 'videos.insert');
    }
    assert.equal(ledger.canAfford('p', 'videos.insert'), false);
    assert.ok(ledger.canAfford('p', 'thumbnails.set'));
    const s = ledger.status('p');
    assert.equal(s.used, 9600);
    assert.equal(s.left, 400);
    assert.equal(s.uploadsLeft, 0);
    assert.equal(s.resetsAt, '2026-07-11T07:00:00.000Z');
    assert.ok(ledger.canAfford('other', 'videos.insert'), 'projects are separate');
    clock.t = Date.parse('2026-07-11T07:00:01Z');
    assert.ok(ledger.canAfford('p', 'videos.insert'), 'a new Pacific day starts fresh');
  });
  test('auto model: uploads start until Google refuses, then none until the reset', () => {
    const db = openDatabase(':memory:');
    const clock = fakeClock(Date.parse('2026-07-10T12:00:00Z'));
    const ledger = new QuotaLedger(db, clock, () => defaultQuotaConfig);
    for (let i = 0; i < 40; i++) {
      assert.ok(ledger.canAfford('p', 'videos.insert'), `upload ${i + 1}`);
      ledger.charge('p', 'videos.insert');
    }
    clock.t += 60_000;
    ledger.markExhausted('p');
    assert.equal(ledger.canAfford('p', 'videos.insert'), false);
    assert.equal(ledger.canAfford('p', 'thumbnails.set'), false);
    const s = ledger.status('p');
    assert.deepEqual(
      [s.model, s.uploadsToday, s.refusedAtCount, s.refusedAt, s.uploadsLeft],
      ['auto', 40, 40, '2026-07-10T12:01:00.000Z', 0],
    );
    clock.t = Date.parse('2026-07-11T07:00:01Z');
    assert.ok(ledger.canAfford('p', 'videos.insert'), 'a new Pacific day starts fresh');
    assert.equal(ledger.status('p').refusedAt, null);
    assert.equal(ledger.status('p').uploadsLeft, null);
  });
  test('a hard daily cap holds under every model', () => {
    for (const model of ['auto', 'units', 'calls'] as const) {
      const db = openDatabase(':memory:');
      const clock = fakeClock(Date.parse('2026-07-10T12:00:00Z'));
      const ledger = new QuotaLedger(db, clock, () => ({
        ...defaultQuotaConfig,
        model,
        dailyUploadCap: 3,
      }));
      for (let i = 0; i < 3; i++) ledger.charge('p', 'videos.insert');
      assert.equal(ledger.canAfford('p', 'videos.insert'), false, model);
      assert.equal(ledger.status('p').uploadsLeft, 0, model);
    }
  });
  test('calls model: inserts count in their own bucket', () => {
    const db = openDatabase(':memory:');
    const clock = fakeClock(Date.parse('2026-07-10T12:00:00Z'));
    const config: QuotaConfig = { ...defaultQuotaConfig, model: 'calls', dailyInsertCalls: 2 };
    const ledger = new QuotaLedger(db, clock, () => config);
    ledger.charge('p', 'videos.insert');
    ledger.charge('p', 'videos.insert');
    assert.equal(ledger.canAfford('p', 'videos.insert'), false);
    assert.equal(ledger.status('p').used, 0);
  });
  test("Google's quotaExceeded overrides the local count until the reset", () => {
    const db = openDatabase(':memory:');
    const ledger = new QuotaLedger(
      db,
      fakeClock(Date.parse('2026-07-10T12:00:00Z')),
      () => defaultQuotaConfig,
    );
    ledger.markExhausted('p');
    assert.equal(ledger.canAfford('p', 'thumbnails.set'), false);
    assert.equal(ledger.status('p').left, 0);
  });
});

describe('protocol helpers', () => {
  test('Range header', () => {
    assert.equal(parseRange(undefined), 0);
    assert.equal(parseRange('bytes=0-262143'), 262144);
    assert.throws(() => parseRange('bytes=5-9'));
  });
  test('backoff grows, is capped, and is jittered', () => {
    const p = { baseMs: 1000, capMs: 8000 };
    assert.equal(
      backoffDelay(1, p, () => 0),
      500,
    );
    assert.equal(
      backoffDelay(1, p, () => 1),
      1000,
    );
    assert.equal(
      backoffDelay(3, p, () => 1),
      4000,
    );
    assert.equal(
      backoffDelay(10, p, () => 1),
      8000,
    );
  });
});
