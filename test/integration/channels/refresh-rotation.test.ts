// Google may answer a refresh with a new refresh token (rotation); the old one then stops
// working. The new one must be in the vault before the app closes, or the next start asks the
// creator to reconnect every channel.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/database.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import { EventHub } from '../../../src-main/rpc/event-hub.ts';
import { ChannelRepository } from '../../../src-main/channels/channel-repository.ts';
import { createChannelServices } from '../../../src-main/channels/create-channel-services.ts';
import { openVault } from '../../../src-main/vault/vault.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeTokenEndpoint } from '../../helpers/fake-token-endpoint.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testKeyProviders } from '../../helpers/test-key-file.ts';

const CHANNEL = 'UC-rotation-0001';
const dir = tempDir('dropline-rotation-');
afterAll(() => dir.remove());

/** One app run: the real database file and vault in `dir`, the token endpoint shared across runs. */
function startApp(fake: FakeTokenEndpoint, clock: FakeClock) {
  const db: Db = openDatabase(join(dir.path, 'dropline.db'));
  const vault = openVault(db, { providers: testKeyProviders(dir.path) });
  const notices: string[] = [];
  const services = createChannelServices({
    db,
    clock,
    events: new EventHub(),
    notices: { post: ({ title }) => (notices.push(title), null as never) },
    log: createLogger(memorySink(), 'debug'),
    secrets: vault.store,
    googleBaseUrl: 'http://127.0.0.1:9',
    http: fake.fetch,
    random: () => 0.5,
  });
  services.clients.set({
    clientId: 'client-1.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-t',
  });
  const token = async () => {
    const p = services.tokens.getAccessToken(CHANNEL);
    let done = false;
    void p.then(
      () => (done = true),
      () => (done = true),
    );
    await clock.advance(0);
    while (!done) await clock.advance(50);
    return p;
  };
  const stop = () => {
    services.stop();
    db.close();
  };
  return { db, vault, services, notices, token, stop, repo: new ChannelRepository(db) };
}

test('a rotated refresh token is saved in the vault and used after a restart', async () => {
  const clock = new FakeClock();
  const fake = new FakeTokenEndpoint(clock);
  fake.rotate = true;
  const first = startApp(fake, clock);
  first.repo.upsertConnected(
    {
      id: CHANNEL,
      title: 'Rotation',
      handle: null,
      avatarUrl: null,
      customThumbnails: null,
      googleAccount: null,
      clientId: 'c',
    },
    new Date(clock.now()).toISOString(),
  );
  first.vault.store.put({ kind: 'refresh_token', id: CHANNEL }, Buffer.from('1//original'));
  fake.grants.set('1//original', CHANNEL);

  assert.equal(fake.use(CHANNEL, await first.token()), 200);
  const [rotated] = [...fake.grants.keys()];
  assert.match(rotated ?? '', /^1\/\/rotated-/, 'the endpoint rotated the refresh token');
  assert.equal(
    first.vault.store.get({ kind: 'refresh_token', id: CHANNEL })?.toString('utf8'),
    rotated,
    'the vault holds the rotated refresh token',
  );
  first.stop();

  // The next start has no access token in memory: it refreshes with what the vault holds.
  const second = startApp(fake, clock);
  assert.equal(fake.use(CHANNEL, await second.token()), 200);
  assert.equal(fake.calls, 2);
  assert.equal(second.repo.get(CHANNEL)?.status, 'connected');
  assert.deepEqual(second.notices, [], 'no "Reconnect" notice');
  second.stop();
});
