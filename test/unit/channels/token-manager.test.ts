// TokenManager on a fake clock, real SQLite (in memory) and a scripted token endpoint: when a
// token is handed out, refreshed, retried, given up on, and what is recorded each time.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { HttpFetch } from '../../../src-main/auth/http.ts';
import { AuditLog } from '../../../src-main/channels/audit-log.ts';
import { ChannelRepository } from '../../../src-main/channels/channel-repository.ts';
import {
  TokenManager,
  type TokenManagerOptions,
} from '../../../src-main/channels/token-manager.ts';
import { openDatabase } from '../../../src-main/db/database.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import type { NoticeInput } from '../../../src-shared/domain/notice.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeTokenEndpoint } from '../../helpers/fake-token-endpoint.ts';
import { MemorySecretStore } from '../../helpers/memory-secret-store.ts';

const ID = 'UC-alice';
const HOUR = 3600_000;

function reply(status: number, body: unknown) {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(body)),
  };
}

function setup(
  opts: {
    options?: Partial<TokenManagerOptions>;
    http?: (fake: FakeTokenEndpoint) => HttpFetch;
    random?: () => number;
  } = {},
) {
  const clock = new FakeClock();
  const db = openDatabase(':memory:');
  const repo = new ChannelRepository(db);
  const audit = new AuditLog(db, clock);
  const fake = new FakeTokenEndpoint(clock);
  const secrets = new MemorySecretStore();
  const notices: NoticeInput[] = [];
  const changes: string[] = [];
  const sink = memorySink();
  const client = {
    current: { clientId: 'c.apps.googleusercontent.com', clientSecret: 's' } as {
      clientId: string;
      clientSecret: string;
    } | null,
  };
  const tokens = new TokenManager({
    clock,
    http: opts.http ? opts.http(fake) : fake.fetch,
    tokenUrl: 'http://127.0.0.1:9/token',
    client: () => client.current,
    secrets,
    channels: repo,
    audit,
    notify: (n) => notices.push(n),
    onChange: (id) => changes.push(id),
    log: createLogger(sink, 'debug'),
    random: opts.random ?? (() => 0.5),
    options: opts.options,
  });
  repo.upsertConnected(
    {
      id: ID,
      title: 'Alice',
      handle: null,
      avatarUrl: null,
      customThumbnails: null,
      googleAccount: null,
      clientId: 'c',
    },
    new Date(clock.now()).toISOString(),
  );
  secrets.put({ kind: 'refresh_token', id: ID }, Buffer.from('1//refresh-alice'));
  fake.grants.set('1//refresh-alice', ID);
  /** Resolves p while moving the fake clock (retries wait on it). */
  async function settle<T>(p: Promise<T>): Promise<T> {
    let done = false;
    p.then(
      () => (done = true),
      () => (done = true),
    );
    await clock.advance(0);
    for (let i = 0; !done && i < 10_000; i++) await clock.advance(100);
    return p;
  }
  const auditOf = () => audit.forChannel(ID, 20).map((e) => `${e.action}:${e.outcome}:${e.detail}`);
  const logLines = () => sink.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const warnings = () => logLines().map((l) => String(l.msg));
  return {
    clock,
    db,
    repo,
    audit,
    fake,
    secrets,
    notices,
    changes,
    client,
    tokens,
    settle,
    auditOf,
    warnings,
    logLines,
  };
}

describe('handing out tokens', () => {
  test('the first call refreshes; later calls get the cached token without asking Google', async () => {
    const t = setup();
    const first = await t.settle(t.tokens.getAccessToken(ID));
    assert.match(first, /^ya29\.fake-UC-alice-/);
    assert.equal(await t.tokens.getAccessToken(ID), first);
    assert.equal(t.fake.calls, 1);
    assert.equal(t.tokens.tokensInMemory, 1);
    assert.equal(t.tokens.expiresAt(ID), t.clock.now() + HOUR);
    assert.equal(t.tokens.expiresAt('UC-other'), null);
  });

  test('a token with more than a minute left is handed out as it is', async () => {
    const t = setup({ options: { marginMs: 0, jitterMs: 0 } }); // no refresh before expiry
    const first = await t.settle(t.tokens.getAccessToken(ID));
    await t.clock.advance(HOUR - 60_001);
    assert.equal(await t.tokens.getAccessToken(ID), first);
    assert.equal(t.fake.calls, 1);
  });

  test('at exactly one minute left the old token is refused; a quarter of a short life is the floor', async () => {
    const t = setup({ options: { marginMs: 0, jitterMs: 0 } });
    t.tokens.accept(ID, { access_token: 'ya29.consent', expires_in: 3600 } as never);
    await t.clock.advance(HOUR - 60_000);
    const fresh = await t.settle(t.tokens.getAccessToken(ID));
    assert.notEqual(fresh, 'ya29.consent');

    const s = setup({ options: { marginMs: 0, jitterMs: 0 } });
    s.tokens.accept(ID, { access_token: 'ya29.short', expires_in: 100 } as never);
    await s.clock.advance(74_999);
    assert.equal(await s.tokens.getAccessToken(ID), 'ya29.short', '25 s and 1 ms of 100 s left');
    await s.clock.advance(1);
    assert.notEqual(await s.settle(s.tokens.getAccessToken(ID)), 'ya29.short');
  });

  test('before its refresh time a used token is not refreshed; after it, in the background', async () => {
    const t = setup({ random: () => 0 }); // refresh at 55 min
    const first = await t.settle(t.tokens.getAccessToken(ID));
    await t.clock.advance(55 * 60_000 - 1);
    assert.equal(await t.tokens.getAccessToken(ID), first);
    assert.equal(t.fake.calls, 1);
    assert.equal(t.tokens.isRefreshing(ID), false);
    await t.clock.advance(1);
    await t.settle(Promise.resolve());
    assert.equal(t.fake.calls, 2, 'the timer refreshed the channel in use');
    assert.notEqual(await t.tokens.getAccessToken(ID), first);
  });

  test('a token nobody asked for is not refreshed; it is dropped at expiry', async () => {
    const t = setup({ random: () => 0 });
    t.tokens.accept(ID, { access_token: 'ya29.idle', expires_in: 3600 } as never);
    assert.equal(t.tokens.tokensInMemory, 1);
    await t.clock.advance(HOUR - 1);
    assert.equal(t.fake.calls, 0);
    assert.equal(t.tokens.tokensInMemory, 1);
    await t.clock.advance(1);
    assert.equal(t.tokens.tokensInMemory, 0);
    assert.equal(t.clock.pending, 0);
  });

  test('a background refresh that fails is logged, and the cached token still serves', async () => {
    const t = setup({ random: () => 0, options: { maxAttempts: 1 } });
    const first = await t.settle(t.tokens.getAccessToken(ID));
    t.fake.failNext = { count: 1, status: 503, body: '{}' };
    await t.clock.advance(55 * 60_000);
    await t.settle(Promise.resolve());
    assert.equal(t.fake.calls, 2);
    assert.ok(t.warnings().includes('background token refresh failed'), t.warnings().join('\n'));
    assert.equal(await t.tokens.getAccessToken(ID), first);
  });

  test('concurrent callers share one refresh; isRefreshing says so; onChange hears it', async () => {
    const t = setup();
    const a = t.tokens.getAccessToken(ID);
    const b = t.tokens.getAccessToken(ID);
    await Promise.resolve();
    assert.equal(t.tokens.isRefreshing(ID), true);
    const [ta, tb] = await t.settle(Promise.all([a, b]));
    assert.equal(ta, tb);
    assert.equal(t.fake.calls, 1);
    assert.equal(t.tokens.isRefreshing(ID), false);
    assert.ok(t.changes.length >= 2 && t.changes.every((c) => c === ID));
  });

  test('invalidate drops only the token named', async () => {
    const t = setup();
    const first = await t.settle(t.tokens.getAccessToken(ID));
    t.tokens.invalidate(ID, 'not-it');
    t.tokens.invalidate('UC-other', first);
    assert.equal(t.tokens.tokensInMemory, 1);
    t.tokens.invalidate(ID, first);
    assert.equal(t.tokens.tokensInMemory, 0);
    assert.equal(t.clock.pending, 0, 'its timer went with it');
  });

  test('stop() drops every token and ends retries', async () => {
    const t = setup({ options: { maxAttempts: 5 } });
    await t.settle(t.tokens.getAccessToken(ID));
    t.tokens.stop();
    assert.equal(t.tokens.tokensInMemory, 0);
    assert.equal(t.clock.pending, 0);
    t.fake.failNext = { count: 5, status: 503, body: '{}' };
    await assert.rejects(t.settle(t.tokens.getAccessToken(ID)), { code: 'token_refresh_failed' });
    assert.equal(t.fake.calls, 2, 'one try after stop, no retries');
  });
});

describe('refreshing', () => {
  test('a refresh records the time, the outcome and an audit entry with the token life', async () => {
    const t = setup();
    await t.settle(t.tokens.getAccessToken(ID));
    const channel = t.repo.get(ID)!;
    assert.equal(channel.lastRefreshOutcome, 'ok');
    assert.equal(channel.lastRefreshAt, new Date(t.clock.now()).toISOString());
    assert.deepEqual(t.auditOf(), ['refresh:ok:access token valid for 3600 s']);
    assert.equal(channel.grantExpiresAt, null, 'no end given, none stored');
  });

  test('a rotated refresh token replaces the stored one; a grant end is stored', async () => {
    const t = setup({
      http: () => async () =>
        reply(200, {
          access_token: 'ya29.new',
          expires_in: 3599.6,
          token_type: 'Bearer',
          refresh_token: '1//rotated',
          refresh_token_expires_in: 604800,
        }),
    });
    await t.settle(t.tokens.getAccessToken(ID));
    assert.equal(t.secrets.get({ kind: 'refresh_token', id: ID })?.toString('utf8'), '1//rotated');
    assert.equal(
      t.repo.get(ID)?.grantExpiresAt,
      new Date(t.clock.now() + 604800_000).toISOString(),
    );
    assert.deepEqual(t.auditOf(), ['refresh:ok:access token valid for 3600 s']);
  });

  test('without a rotation the stored refresh token stays as it was', async () => {
    const t = setup();
    await t.settle(t.tokens.getAccessToken(ID));
    assert.equal(
      t.secrets.get({ kind: 'refresh_token', id: ID })?.toString('utf8'),
      '1//refresh-alice',
    );
  });

  test('transient failures are retried up to maxAttempts, with backoff on the clock', async () => {
    const t = setup({ options: { maxAttempts: 3, backoffBaseMs: 1000, backoffMaxMs: 60_000 } });
    t.fake.failNext = { count: 2, status: 503, body: '{}' };
    const p = t.tokens.getAccessToken(ID);
    await t.clock.advance(0);
    assert.equal(t.fake.calls, 1);
    assert.equal(t.clock.pending, 1, 'waiting to retry');
    const token = await t.settle(p);
    assert.match(token, /^ya29\./);
    assert.equal(t.fake.calls, 3);
    assert.ok(t.warnings().includes('token refresh will be retried'));

    const u = setup({ options: { maxAttempts: 3 } });
    u.fake.failNext = { count: 3, status: 503, body: '{}' };
    await assert.rejects(
      u.settle(u.tokens.getAccessToken(ID)),
      (e: Error & { code?: string; retryable?: boolean }) => {
        assert.equal(e.code, 'token_refresh_failed');
        assert.equal(e.retryable, true);
        assert.match(e.message, /HTTP 503/);
        return true;
      },
    );
    assert.equal(u.fake.calls, 3);
    assert.equal(u.repo.get(ID)?.lastRefreshOutcome, 'failed');
    assert.deepEqual(
      u.auditOf().map((a) => a.split(':').slice(0, 2).join(':')),
      ['refresh:failed'],
    );
    assert.ok(u.warnings().includes('token refresh failed'));
  });

  test('a permanent failure is not retried and is not retryable', async () => {
    const t = setup({ http: () => async () => reply(400, { error: 'invalid_request' }) });
    await assert.rejects(
      t.settle(t.tokens.getAccessToken(ID)),
      (e: Error & { code?: string; retryable?: boolean }) => {
        assert.equal(e.code, 'token_refresh_failed');
        assert.equal(e.retryable, false);
        return true;
      },
    );
    assert.equal(t.repo.get(ID)?.status, 'connected');
    assert.deepEqual(t.notices, []);
  });

  test('Google refusing the OAuth client: one error notice, not retried, the channel stays', async () => {
    let calls = 0;
    const t = setup({
      http: () => async () => (calls++, reply(401, { error: 'invalid_client' })),
    });
    await assert.rejects(t.settle(t.tokens.getAccessToken(ID)), {
      code: 'oauth_client_rejected',
      retryable: false,
    });
    assert.equal(calls, 1);
    assert.equal(t.notices.length, 1);
    assert.equal(t.notices[0]?.level, 'error');
    assert.equal(t.notices[0]?.title, 'Google refused the OAuth client');
    assert.equal(t.repo.get(ID)?.status, 'connected');
  });

  test('invalid_grant: needs reconnecting, one warning notice naming the channel, the token forgotten', async () => {
    const t = setup();
    t.fake.grants.clear();
    await assert.rejects(t.settle(t.tokens.getAccessToken(ID)), {
      code: 'needs_reconsent',
      retryable: false,
    });
    assert.equal(t.fake.calls, 1);
    assert.equal(t.repo.get(ID)?.status, 'needs_reconsent');
    assert.equal(t.notices.length, 1);
    assert.deepEqual(
      { ...t.notices[0], message: undefined },
      {
        kind: 'needs_reconnect',
        level: 'warning',
        title: 'Reconnect "Alice"',
        message: undefined,
        channelId: ID,
      },
    );
    assert.deepEqual(
      t.auditOf().map((a) => a.split(':').slice(0, 2).join(':')),
      ['reconsent_needed:failed', 'refresh:failed'],
    );
    await assert.rejects(t.tokens.getAccessToken(ID), {
      code: 'needs_reconsent',
      message: '"Alice" needs to be reconnected: Google no longer accepts its sign-in.',
    });
  });

  test('no stored refresh token is an invalid grant too', async () => {
    const t = setup();
    t.secrets.delete({ kind: 'refresh_token', id: ID });
    await assert.rejects(t.settle(t.tokens.getAccessToken(ID)), {
      code: 'needs_reconsent',
      message: 'No refresh token is stored for this channel.',
    });
    assert.equal(t.fake.calls, 0);
  });

  test('no OAuth client set: a clear error, recorded, no notice, not retried', async () => {
    const t = setup();
    t.client.current = null;
    await assert.rejects(t.settle(t.tokens.getAccessToken(ID)), {
      code: 'no_client',
      message: 'No Google OAuth client is set. Set one on the Channels screen.',
    });
    assert.equal(t.fake.calls, 0);
    assert.equal(t.repo.get(ID)?.lastRefreshOutcome, 'failed');
    assert.equal(t.auditOf().length, 1);
    assert.deepEqual(t.notices, []);
  });

  test('a disconnect during the refresh: its result is dropped, the caller told', async () => {
    let answer!: () => void;
    const t = setup({
      http: (fake) => async (url, init) => {
        await new Promise<void>((resolve) => (answer = resolve));
        return fake.fetch(url, init);
      },
    });
    const p = t.tokens.getAccessToken(ID);
    await t.clock.advance(0);
    t.tokens.forget(ID);
    answer();
    await assert.rejects(t.settle(p), {
      code: 'channel_disconnected',
      message: 'The channel was disconnected during the refresh.',
    });
    assert.equal(t.tokens.tokensInMemory, 0);
    // After the forget, a new refresh is kept again.
    const again = t.tokens.getAccessToken(ID);
    await t.clock.advance(0);
    answer();
    assert.match(await t.settle(again), /^ya29\./);
    assert.equal(t.tokens.tokensInMemory, 1);
  });
});

describe('channels that cannot be used', () => {
  test('unknown, needing reconsent, or disconnected: each says so by name, nothing is asked', async () => {
    const t = setup();
    await assert.rejects(t.tokens.getAccessToken('UC-nobody'), {
      code: 'unknown_channel',
      message: 'No channel UC-nobody is connected.',
    });
    t.repo.setStatus(ID, 'disconnected', new Date(t.clock.now()).toISOString());
    await assert.rejects(t.tokens.getAccessToken(ID), {
      code: 'channel_disconnected',
      message: '"Alice" is disconnected.',
    });
    t.repo.setStatus(ID, 'needs_reconsent', new Date(t.clock.now()).toISOString());
    await assert.rejects(t.tokens.getAccessToken(ID), { code: 'needs_reconsent' });
    assert.equal(t.fake.calls, 0);
  });

  test('a channel disconnected while its refresh waited in the limiter is not refreshed', async () => {
    const t = setup({ options: { maxConcurrent: 1, perSecond: 1, burst: 1 } });
    await t.settle(t.tokens.getAccessToken(ID)); // takes the burst
    t.tokens.invalidate(ID, (await t.tokens.getAccessToken(ID)) as string);
    const p = t.tokens.getAccessToken(ID);
    await t.clock.advance(0);
    t.repo.setStatus(ID, 'disconnected', new Date(t.clock.now()).toISOString());
    await assert.rejects(t.settle(p), { code: 'channel_disconnected' });
    assert.equal(t.fake.calls, 1);
    assert.equal(t.repo.get(ID)?.lastRefreshOutcome, 'ok', 'not counted as a failed refresh');
    assert.deepEqual(
      t.auditOf().map((a) => a.split(':').slice(0, 2).join(':')),
      ['refresh:ok'],
    );
  });

  test('invalid_grant for a channel flagged meanwhile sends no second notice', async () => {
    let answer!: () => void;
    const t = setup({
      http: (fake) => async (url, init) => {
        await new Promise<void>((resolve) => (answer = resolve));
        return fake.fetch(url, init);
      },
    });
    t.fake.grants.clear();
    const p = t.tokens.getAccessToken(ID);
    await t.clock.advance(0);
    // Another path (a health check) flagged it while Google was being asked.
    t.repo.setStatus(ID, 'needs_reconsent', new Date(t.clock.now()).toISOString());
    answer();
    await assert.rejects(t.settle(p), { code: 'needs_reconsent' });
    assert.deepEqual(t.notices, []);
    assert.equal(t.repo.get(ID)?.lastRefreshOutcome, 'failed');
  });
});

describe('what is announced and kept', () => {
  test('a refresh announces its start, the new token and its end; a drop announces itself', async () => {
    const t = setup();
    t.changes.length = 0;
    await t.settle(t.tokens.getAccessToken(ID));
    assert.equal(t.changes.length, 3, `changes: ${t.changes.length}`);
    t.tokens.invalidate(ID, await t.tokens.getAccessToken(ID));
    assert.equal(t.changes.length, 4, 'the drop is announced');
    t.tokens.invalidate(ID, 'gone-already');
    assert.equal(t.changes.length, 4, 'nothing dropped, nothing announced');
  });

  test('forget drops the token at once', async () => {
    const t = setup();
    await t.settle(t.tokens.getAccessToken(ID));
    t.tokens.forget(ID);
    assert.equal(t.tokens.tokensInMemory, 0);
    assert.equal(t.tokens.expiresAt(ID), null);
  });

  test('invalid_grant drops a token still cached', async () => {
    const t = setup();
    await t.settle(t.tokens.getAccessToken(ID));
    t.fake.grants.clear();
    await assert.rejects(t.settle(t.tokens.refresh(ID)), { code: 'needs_reconsent' });
    assert.equal(t.tokens.tokensInMemory, 0);
  });

  test('a refresh without a grant end keeps the one stored', async () => {
    let withEnd = true;
    const t = setup({
      http: () => async () =>
        reply(200, {
          access_token: `ya29.${withEnd}`,
          expires_in: 3600,
          token_type: 'Bearer',
          ...(withEnd ? { refresh_token_expires_in: 86400 } : {}),
        }),
    });
    await t.settle(t.tokens.refresh(ID));
    const end = t.repo.get(ID)?.grantExpiresAt;
    assert.equal(end, new Date(t.clock.now() + 86400_000).toISOString());
    withEnd = false;
    await t.clock.advance(60_000);
    await t.settle(t.tokens.refresh(ID));
    assert.equal(t.repo.get(ID)?.grantExpiresAt, end);
  });

  test('an idle token asked for after its refresh time is handed out and refreshed behind', async () => {
    const t = setup({ random: () => 0 }); // refresh time at 55 min
    t.tokens.accept(ID, { access_token: 'ya29.idle', expires_in: 3600 } as never);
    await t.clock.advance(55 * 60_000);
    assert.equal(t.fake.calls, 0, 'nobody used it: no refresh at its time');
    assert.equal(await t.tokens.getAccessToken(ID), 'ya29.idle');
    assert.equal(t.tokens.isRefreshing(ID), true, 'asked for at its refresh time: refreshed');
    await t.settle(Promise.resolve());
    assert.equal(t.fake.calls, 1);
  });

  test('log lines name the channel', async () => {
    const t = setup({ random: () => 0, options: { maxAttempts: 2 } });
    await t.settle(t.tokens.getAccessToken(ID));
    t.fake.failNext = { count: 2, status: 503, body: '{}' };
    await t.clock.advance(55 * 60_000);
    await t.clock.advance(60_000); // the retry's backoff
    for (const msg of [
      'token refresh will be retried',
      'token refresh failed',
      'background token refresh failed',
    ]) {
      const line = t.logLines().find((l) => l.msg === msg);
      assert.equal(line?.channelId, ID, msg);
    }
    const retry = t.logLines().find((l) => l.msg === 'token refresh will be retried');
    assert.equal(retry?.attempt, 1);
    assert.equal(typeof retry?.waitMs, 'number');
    const failed = t.logLines().find((l) => l.msg === 'token refresh failed');
    assert.match(String(failed?.error), /HTTP 503/);
  });
});
