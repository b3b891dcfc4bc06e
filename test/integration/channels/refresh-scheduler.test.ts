import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { HttpFetch } from '../../../src-main/auth/http.ts';
import { openDatabase } from '../../../src-main/db/database.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import { EventHub } from '../../../src-main/rpc/event-hub.ts';
import { ChannelRepository } from '../../../src-main/channels/channel-repository.ts';
import { createChannelServices } from '../../../src-main/channels/create-channel-services.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeTokenEndpoint } from '../../helpers/fake-token-endpoint.ts';
import { MemorySecretStore } from '../../helpers/memory-secret-store.ts';

function setup(opts: {
  channels: number;
  seed?: number;
  wrapHttp?: (inner: HttpFetch, clock: FakeClock) => HttpFetch;
}) {
  const clock = new FakeClock();
  const db = openDatabase(':memory:');
  const fake = new FakeTokenEndpoint(clock);
  const secrets = new MemorySecretStore();
  const notices: { title: string; message: string }[] = [];
  let seed = opts.seed ?? 42;
  // Deterministic jitter so a failure can be replayed.
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const services = createChannelServices({
    db,
    clock,
    events: new EventHub(),
    notices: { post: ({ title, message }) => (notices.push({ title, message }), null as never) },
    log: createLogger(memorySink(), 'debug'),
    secrets,
    googleBaseUrl: 'http://127.0.0.1:9',
    http: opts.wrapHttp ? opts.wrapHttp(fake.fetch, clock) : fake.fetch,
    random,
  });
  services.clients.set({
    clientId: 'client-1.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-test',
  });
  const repo = new ChannelRepository(db);
  const ids: string[] = [];
  for (let i = 0; i < opts.channels; i++) {
    const id = `UC${String(i).padStart(4, '0')}`;
    ids.push(id);
    repo.upsertConnected(
      {
        id,
        title: `Channel ${i}`,
        handle: null,
        avatarUrl: null,
        customThumbnails: null,
        googleAccount: null,
        clientId: 'c',
      },
      new Date(clock.now()).toISOString(),
    );
    secrets.put({ kind: 'refresh_token', id }, Buffer.from(`1//refresh-${id}`));
    fake.grants.set(`1//refresh-${id}`, id);
  }
  /** Resolves p while moving the fake clock in small steps (refreshes may wait on the limiter). */
  async function settle<T>(p: Promise<T>): Promise<T> {
    let done = false;
    p.then(
      () => (done = true),
      () => (done = true),
    );
    await clock.advance(0);
    while (!done) await clock.advance(50);
    return p;
  }
  /** One Data API call per channel, each with the token getAccessToken handed out. */
  async function useAll(list: string[]): Promise<void> {
    await settle(
      Promise.all(list.map(async (id) => fake.use(id, await services.tokens.getAccessToken(id)))),
    );
  }
  return { clock, db, fake, secrets, services, repo, ids, notices, settle, useAll };
}

describe('refresh scheduler on a fake clock', () => {
  test('concurrent callers of one channel share a single refresh', async () => {
    const t = setup({ channels: 1 });
    const id = t.ids[0] as string;
    const tokens = await t.settle(
      Promise.all(Array.from({ length: 25 }, () => t.services.tokens.getAccessToken(id))),
    );
    assert.equal(t.fake.calls, 1);
    assert.equal(new Set(tokens).size, 1);
    t.services.stop();
  });

  test('invalidate after a 401 drops only that token; the next call gets a fresh one', async () => {
    const t = setup({ channels: 1 });
    const id = t.ids[0] as string;
    const first = await t.settle(t.services.tokens.getAccessToken(id));
    t.services.tokens.invalidate(id, 'some-older-token');
    assert.equal(await t.services.tokens.getAccessToken(id), first);
    t.services.tokens.invalidate(id, first);
    const second = await t.settle(t.services.tokens.getAccessToken(id));
    assert.notEqual(second, first);
    assert.equal(t.fake.calls, 2);
    t.services.stop();
  });

  test('no refresh at startup, even after days closed: tokens are fetched when first needed', async () => {
    const t = setup({ channels: 200 });
    await t.clock.advance(3 * 24 * 3600_000);
    assert.equal(t.fake.calls, 0);
    await t.useAll(t.ids.slice(0, 3));
    assert.equal(t.fake.calls, 3);
    t.services.stop();
  });

  test('200 channels with staggered expiries: one refresh each per token lifetime, none used expired', async () => {
    const t = setup({ channels: 200 });
    const issuedAt = new Map<string, number>();
    const consented: string[] = [];
    // Consents spread over the first hour, 17 s apart; every consented channel is in use every 17 s.
    for (let elapsed = 0; elapsed < 3 * 3600_000; elapsed += 17_000) {
      const next = t.ids[consented.length];
      if (next) {
        t.services.tokens.accept(next, t.fake.consent(next));
        issuedAt.set(next, t.clock.now());
        consented.push(next);
      }
      await t.useAll(consented);
      await t.clock.advance(17_000);
    }
    assert.equal(t.fake.unauthorized, 0, 'no API call saw an expired token');
    for (const id of t.ids) {
      const times = [issuedAt.get(id) as number, ...(t.fake.refreshes.get(id) ?? [])];
      assert.ok(times.length >= 3, `${id} was refreshed ${times.length - 1} times in 3 hours`);
      for (let i = 1; i < times.length; i++) {
        const gap = ((times[i] as number) - (times[i - 1] as number)) / 1000;
        // Refreshed 5 min + up to 1 min of jitter before expiry (plus the 17 s usage grid): once per window.
        assert.ok(
          gap >= 3600 - 360 - 17 && gap < 3600 - 300 + 18,
          `${id}: refresh ${gap} s after the previous token`,
        );
      }
    }
    t.services.stop();
  });

  test('5-hour soak with 60-second access tokens and some Google 503s: zero 401s', async () => {
    const t = setup({ channels: 20, seed: 7 });
    t.fake.lifetimeSec = 60;
    let step = 0;
    for (let elapsed = 0; elapsed < 5 * 3600_000; elapsed += 5_000) {
      if (++step % 97 === 0) t.fake.failNext = { count: 2, status: 503, body: '{}' };
      await t.useAll(t.ids);
      await t.clock.advance(5_000);
    }
    assert.equal(t.fake.unauthorized, 0);
    const perChannel = t.ids.map((id) => t.fake.refreshes.get(id)?.length ?? 0);
    // About one refresh per 30 s of a 60 s token's life, never one per call.
    for (const n of perChannel) assert.ok(n > 400 && n < 700, `refreshes per channel: ${n}`);
    t.services.stop();
    // 3,600 fake-clock steps of 20 channels: pure CPU, over 120 s at load 20 on two cores.
  }, 300_000);

  test('network errors and 5xx are retried with backoff; the caller gets a token in the end', async () => {
    const t = setup({ channels: 1 });
    t.fake.failNext = { count: 3, status: 503, body: '{}' };
    const token = await t.settle(t.services.tokens.getAccessToken(t.ids[0] as string));
    assert.match(token, /^ya29\.fake-/);
    assert.equal(t.fake.calls, 4);
    t.services.stop();
  });

  test('invalid_grant: needs_reconsent, a notice, audit entries, and no more calls to Google', async () => {
    const t = setup({ channels: 2 });
    const [bad, good] = t.ids as [string, string];
    t.fake.grants.delete(`1//refresh-${bad}`);
    await assert.rejects(t.settle(t.services.tokens.getAccessToken(bad)), {
      code: 'needs_reconsent',
    });
    const callsAfter = t.fake.calls;
    assert.equal(callsAfter, 1, 'invalid_grant is not retried');
    assert.equal(t.repo.get(bad)?.status, 'needs_reconsent');
    assert.equal(t.notices.length, 1);
    assert.match(t.notices[0]?.title ?? '', /Reconnect "Channel 0"/);
    const audit = t.services.channels.audit(bad, 10).map((e) => `${e.action}:${e.outcome}`);
    assert.deepEqual(audit, ['reconsent_needed:failed', 'refresh:failed']);
    for (let i = 0; i < 5; i++)
      await assert.rejects(t.services.tokens.getAccessToken(bad), { code: 'needs_reconsent' });
    await t.clock.advance(3600_000);
    assert.equal(t.fake.calls, callsAfter);
    await t.useAll([good]);
    assert.equal(t.services.channels.stats().byStatus.needs_reconsent, 1);
    assert.equal(t.services.channels.stats().refreshFailuresLast24h, 1);
    t.services.stop();
  });

  test('the global limiter caps refreshes running at once and spreads a burst over time', async () => {
    let active = 0;
    let peak = 0;
    const t = setup({
      channels: 40,
      wrapHttp: (inner, clock) => async (url, init) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => clock.setTimeout(resolve, 300));
        active--;
        return inner(url, init);
      },
    });
    const start = t.clock.now();
    await t.useAll(t.ids);
    assert.equal(t.fake.calls, 40);
    assert.equal(peak, 4, 'default concurrency is 4');
    // 40 refreshes at 5 per second (burst 5) take at least 7 s of (fake) time.
    assert.ok(t.clock.now() - start >= 7000, `took ${t.clock.now() - start} ms`);
    t.services.stop();
  });
});
