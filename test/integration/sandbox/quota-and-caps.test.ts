import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { ALICE, BOB, api, errorReason, startUpload, uploadWhole } from './helpers.ts';

// 23:50 on 30 June 2026 in Los Angeles (PDT, UTC-7).
const BEFORE_PACIFIC_MIDNIGHT = Date.parse('2026-07-01T06:50:00Z');

describe('project quota', () => {
  let sandbox: GoogleSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ startAt: BEFORE_PACIFIC_MIDNIGHT });
    token = sandbox.issueTokens({ channelId: ALICE }).accessToken;
  });
  afterAll(() => sandbox.close());

  test('videos.insert costs 1600 units: the 7th of a day is 403 quotaExceeded, until Pacific midnight', async () => {
    for (let i = 0; i < 6; i++)
      assert.equal((await startUpload(sandbox, token, { size: 10 })).status, 200);
    assert.equal(sandbox.quota.snapshot().used, 9600);
    const refused = await startUpload(sandbox, token, { size: 10 });
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.json<{ error: { errors: unknown[] } }>().error.errors[0], {
      reason: 'quotaExceeded',
      domain: 'youtube.quota',
      message: refused.json<{ error: { message: string } }>().error.message,
    });
    assert.equal(sandbox.quota.snapshot().used, 9600, 'a refused call costs nothing');
    assert.equal(
      (await api(sandbox, token, 'GET', '/youtube/v3/channels?part=id&mine=true')).status,
      200,
      'cheap calls still fit',
    );
    assert.equal(sandbox.quota.snapshot().used, 9601);

    assert.equal(sandbox.quota.snapshot().resetsAt, '2026-07-01T07:00:00.000Z');
    sandbox.clock.set(Date.parse('2026-07-01T06:59:59Z'));
    assert.equal(
      (await startUpload(sandbox, token, { size: 10 })).status,
      403,
      'still the same Pacific day',
    );
    sandbox.clock.set(sandbox.clock.nextPacificMidnight() + 1000);
    const after = await startUpload(sandbox, token, { size: 10 });
    assert.equal(after.status, 200, after.text);
    assert.equal(sandbox.quota.snapshot().used, 1600);
    assert.equal(sandbox.quota.snapshot().day, '2026-07-01');
  });

  test('an invalid request still costs one unit', async () => {
    const before = sandbox.quota.snapshot().used;
    const res = await startUpload(sandbox, token, {
      size: 10,
      resource: { snippet: { title: '' } },
    });
    assert.equal(res.status, 400);
    assert.equal(sandbox.quota.snapshot().used, before + 1);
  });

  test('the "calls" model counts videos.insert in a bucket of its own', async () => {
    sandbox.configure({ videosInsertCostModel: 'calls', videosInsertDailyCalls: 2 });
    sandbox.quota.setUsed(undefined, 0, 0);
    assert.equal((await startUpload(sandbox, token, { size: 10 })).status, 200);
    assert.equal((await startUpload(sandbox, token, { size: 10 })).status, 200);
    const third = await startUpload(sandbox, token, { size: 10 });
    assert.equal(third.status, 403);
    assert.equal(errorReason(third), 'quotaExceeded');
    const snap = sandbox.quota.snapshot();
    assert.equal(snap.used, 0);
    assert.equal(snap.insertCalls, 2);
    sandbox.configure({ videosInsertCostModel: 'units' });
  });

  test('an injected rateLimitExceeded answers 403 with that reason', async () => {
    sandbox.faults.set({
      failNext: { count: 1, status: 403, reason: 'rateLimitExceeded', pathPrefix: '/youtube/' },
    });
    const res = await api(sandbox, token, 'GET', '/youtube/v3/channels?part=id&mine=true');
    assert.equal(res.status, 403);
    assert.equal(errorReason(res), 'rateLimitExceeded');
  });
});

describe('per-channel upload cap', () => {
  let sandbox: GoogleSandbox;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ config: { quotaLimit: 1_000_000 } });
  });
  afterAll(() => sandbox.close());

  test('past the daily cap videos.insert is 400 uploadLimitExceeded, for 24 hours', async () => {
    const token = sandbox.issueTokens({ channelId: BOB }).accessToken;
    const cap = sandbox.inspect.channel(BOB).dailyUploadCap;
    for (let i = 0; i < cap; i++) await uploadWhole(sandbox, token, Buffer.from(`video ${i}`));
    const refused = await startUpload(sandbox, token, { size: 10 });
    assert.equal(refused.status, 400);
    assert.equal(errorReason(refused), 'uploadLimitExceeded');
    const alice = sandbox.issueTokens({ channelId: ALICE }).accessToken;
    assert.equal(
      (await startUpload(sandbox, alice, { size: 10 })).status,
      200,
      'the cap is per channel',
    );
    sandbox.clock.advance(23 * 3600 * 1000);
    assert.equal(
      (
        await startUpload(sandbox, sandbox.issueTokens({ channelId: BOB }).accessToken, {
          size: 10,
        })
      ).status,
      400,
    );
    sandbox.clock.advance(3600 * 1000 + 1000);
    assert.equal(
      (
        await startUpload(sandbox, sandbox.issueTokens({ channelId: BOB }).accessToken, {
          size: 10,
        })
      ).status,
      200,
    );
  });
});
