import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/database.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import { EventHub } from '../../../src-main/rpc/event-hub.ts';
import { ChannelRepository } from '../../../src-main/channels/channel-repository.ts';
import {
  createChannelServices,
  type ChannelServicesDeps,
} from '../../../src-main/channels/create-channel-services.ts';
import type { NoticeInput } from '../../../src-shared/domain/notice.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeTokenEndpoint } from '../../helpers/fake-token-endpoint.ts';
import { MemorySecretStore } from '../../helpers/memory-secret-store.ts';

const HOUR = 3600_000;

function setup(opts: {
  channels: number;
  clock?: FakeClock;
  db?: Db;
  secrets?: MemorySecretStore;
  fake?: FakeTokenEndpoint;
  extra?: Partial<ChannelServicesDeps>;
}) {
  const clock = opts.clock ?? new FakeClock();
  const db = opts.db ?? openDatabase(':memory:');
  const fake = opts.fake ?? new FakeTokenEndpoint(clock);
  const secrets = opts.secrets ?? new MemorySecretStore();
  const notices: NoticeInput[] = [];
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const services = createChannelServices({
    db,
    clock,
    events: new EventHub(),
    notices: { post: (n) => (notices.push(n), null as never) },
    log: createLogger(memorySink(), 'debug'),
    secrets,
    googleBaseUrl: 'http://127.0.0.1:9',
    http: fake.fetch,
    random,
    ...opts.extra,
  });
  const repo = new ChannelRepository(db);
  const ids: string[] = [];
  if (!opts.db) {
    services.clients.set({
      clientId: 'client-1.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-test',
    });
    for (let i = 0; i < opts.channels; i++) {
      const id = `UC${String(i).padStart(4, '0')}`;
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
  }
  for (const c of repo.all()) ids.push(c.id);
  return { clock, db, fake, secrets, services, repo, ids, notices };
}

const refreshCount = (fake: FakeTokenEndpoint, id: string) => fake.refreshes.get(id)?.length ?? 0;

describe('health checks on a fake clock', () => {
  test('spread over the first two minutes, through the limiter, then every 12 hours', async () => {
    // A slow limiter (one refresh start per 4 s, one at a time) makes its presence measurable.
    const t = setup({
      channels: 12,
      extra: { tokenOptions: { perSecond: 0.25, burst: 1, maxConcurrent: 1 } },
    });
    const start = t.clock.now();
    t.services.start();
    assert.equal(t.fake.calls, 0, 'nothing at the very start');
    await t.clock.advance(2 * 60_000 + 60_000);
    const first = t.ids.map((id) => t.fake.refreshes.get(id)?.[0]);
    for (const [i, at] of first.entries()) assert.ok(at !== undefined, `${t.ids[i]} checked`);
    const times = (first as number[]).map((at) => at - start).sort((a, b) => a - b);
    // Spread, not a burst: the first and last start far apart, and none before the spread began.
    assert.ok(times[0]! >= 0 && times.at(-1)! - times[0]! > 60_000, `spread: ${times.join(', ')}`);
    // Through the limiter: no two refreshes started closer than its 4 s.
    for (let i = 1; i < times.length; i++)
      assert.ok(times[i]! - times[i - 1]! >= 4000 - 1, `gap ${times[i]! - times[i - 1]!} ms`);
    // Idle access tokens still lapse: nothing more for hours.
    await t.clock.advance(10 * HOUR);
    for (const id of t.ids) assert.equal(refreshCount(t.fake, id), 1, `${id} after 10 h`);
    await t.clock.advance(3 * HOUR);
    for (const [i, id] of t.ids.entries()) {
      const list = t.fake.refreshes.get(id) ?? [];
      assert.equal(list.length, 2, `${id} after 13 h`);
      const gap = list[1]! - first[i]!;
      assert.ok(
        gap >= 12 * HOUR && gap < 12 * HOUR + 2 * 60_000,
        `${id}: next check after ${gap} ms`,
      );
    }
    await t.clock.advance(12 * HOUR);
    for (const id of t.ids) assert.equal(refreshCount(t.fake, id), 3, `${id} after 25 h`);
    assert.equal(t.repo.get(t.ids[0]!)?.lastCheckOutcome, 'ok');
    t.services.stop();
  });

  test('the interval follows the healthCheckHours setting', async () => {
    let hours = 2;
    const t = setup({ channels: 1, extra: { healthCheckHours: () => hours } });
    t.services.start();
    await t.clock.advance(2 * 60_000);
    assert.equal(refreshCount(t.fake, t.ids[0]!), 1);
    await t.clock.advance(2 * HOUR);
    assert.equal(refreshCount(t.fake, t.ids[0]!), 2);
    hours = 24;
    await t.clock.advance(2 * HOUR);
    assert.equal(refreshCount(t.fake, t.ids[0]!), 3, 'the check planned before the change');
    await t.clock.advance(12 * HOUR);
    assert.equal(refreshCount(t.fake, t.ids[0]!), 3, 'then 24 h apart');
    t.services.stop();
  });

  test('invalid_grant at a check: needs_reconsent and a notice before any upload; no more checks', async () => {
    const t = setup({ channels: 2 });
    const [bad, good] = t.ids as [string, string];
    t.fake.grants.delete(`1//refresh-${bad}`);
    t.services.start();
    await t.clock.advance(2 * 60_000);
    assert.equal(t.repo.get(bad)?.status, 'needs_reconsent');
    assert.equal(t.repo.get(bad)?.lastCheckOutcome, 'needs_reconsent');
    assert.equal(t.repo.get(good)?.status, 'connected');
    assert.equal(t.notices.length, 1);
    assert.equal(t.notices[0]?.kind, 'needs_reconnect');
    assert.equal(t.notices[0]?.channelId, bad);
    const calls = refreshCount(t.fake, good);
    await t.clock.advance(30 * HOUR);
    assert.equal(t.fake.refreshes.get(bad), undefined, 'a lost grant is not asked again');
    assert.equal(refreshCount(t.fake, good), calls + 2);
    t.services.stop();
  });

  test('a network failure is no verdict: still connected, checked again later', async () => {
    const t = setup({
      channels: 1,
      extra: { tokenOptions: { maxAttempts: 2, backoffBaseMs: 1000, backoffMaxMs: 1000 } },
    });
    const id = t.ids[0]!;
    t.fake.failNext = { count: 2, status: 503, body: '{}' };
    t.services.start();
    await t.clock.advance(2 * 60_000 + 5000);
    assert.equal(t.fake.calls, 2);
    assert.equal(t.repo.get(id)?.status, 'connected');
    assert.equal(t.repo.get(id)?.lastCheckOutcome, 'unreachable');
    assert.equal(t.notices.length, 0);
    await t.clock.advance(31 * 60_000);
    assert.equal(refreshCount(t.fake, id), 1, 'checked again half an hour later, and fine');
    assert.equal(t.repo.get(id)?.lastCheckOutcome, 'ok');
    t.services.stop();
  });

  test('checkNow answers per channel, sharing the limiter', async () => {
    const t = setup({ channels: 3 });
    t.fake.grants.delete(`1//refresh-${t.ids[1]}`);
    const p = t.services.health.checkNow();
    await t.clock.advance(5000);
    const results = await p;
    assert.deepEqual(
      results.map((r) => [r.id, r.result]),
      [
        [t.ids[0], 'ok'],
        [t.ids[1], 'needs_reconsent'],
        [t.ids[2], 'ok'],
      ],
    );
    const again = t.services.health.checkNow(t.ids[1]);
    assert.deepEqual(
      (await again).map((r) => r.result),
      ['needs_reconsent'],
    );
    t.services.stop();
  });
});

describe('Testing-mode grant end', () => {
  test('notices 48 h and 12 h before, each once, also across a restart; a reconnect starts over', async () => {
    const t = setup({ channels: 1 });
    const id = t.ids[0]!;
    const end = t.clock.now() + 7 * 24 * HOUR;
    t.repo.setGrantExpiry(id, new Date(end).toISOString());
    t.services.start();
    await t.clock.advance(5 * 24 * HOUR - 60_000);
    const ending = () => t.notices.filter((n) => n.kind === 'sign_in_ending');
    assert.equal(ending().length, 0, 'nothing until 48 h before');
    await t.clock.advance(60_000);
    assert.equal(ending().length, 1);
    assert.match(ending()[0]!.title, /Sign-in of "Channel 0" ends in 2 days/);
    assert.match(ending()[0]!.message, /Testing/);
    assert.match(ending()[0]!.message, /Publish the app/);
    assert.equal(ending()[0]!.channelId, id);
    t.services.stop();

    // A restart between the notices: the 48 h one is not sent again, the 12 h one is.
    const again = setup({
      channels: 0,
      clock: t.clock,
      db: t.db,
      secrets: t.secrets,
      fake: t.fake,
    });
    again.services.start();
    await t.clock.advance(24 * HOUR);
    assert.equal(again.notices.filter((n) => n.kind === 'sign_in_ending').length, 0);
    await t.clock.advance(12 * HOUR);
    const twelve = again.notices.filter((n) => n.kind === 'sign_in_ending');
    assert.equal(twelve.length, 1);
    assert.match(twelve[0]!.title, /ends in 12 hours/);
    // A reconnect stores a new end: the notices start over for it.
    again.repo.setGrantExpiry(id, new Date(t.clock.now() + 7 * 24 * HOUR).toISOString());
    again.services.grantExpiry.arm();
    await t.clock.advance(5 * 24 * HOUR + 1000);
    assert.equal(again.notices.filter((n) => n.kind === 'sign_in_ending').length, 2);
    again.services.stop();
  });

  test('an engine started inside the last 12 hours sends only the 12 h notice', async () => {
    const t = setup({ channels: 1 });
    t.repo.setGrantExpiry(t.ids[0]!, new Date(t.clock.now() + 6 * HOUR).toISOString());
    t.services.start();
    await t.clock.advance(0);
    const ending = t.notices.filter((n) => n.kind === 'sign_in_ending');
    assert.equal(ending.length, 1);
    assert.match(ending[0]!.title, /ends in 6 hours/);
    t.services.stop();
  });
});
