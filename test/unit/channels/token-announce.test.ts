// A refresh that replaces a cached token announces the change once: replacing is one change,
// not a drop and a new token.
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { AuditLog } from '../../../src-main/channels/audit-log.ts';
import { ChannelRepository } from '../../../src-main/channels/channel-repository.ts';
import { TokenManager } from '../../../src-main/channels/token-manager.ts';
import { openDatabase } from '../../../src-main/db/database.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeTokenEndpoint } from '../../helpers/fake-token-endpoint.ts';
import { MemorySecretStore } from '../../helpers/memory-secret-store.ts';

test('refreshing over a cached token: start, new token, end; the old one goes unannounced', async () => {
  const clock = new FakeClock();
  const db = openDatabase(':memory:');
  const repo = new ChannelRepository(db);
  const fake = new FakeTokenEndpoint(clock);
  const secrets = new MemorySecretStore();
  const changes: string[] = [];
  const tokens = new TokenManager({
    clock,
    http: fake.fetch,
    tokenUrl: 'http://127.0.0.1:9/token',
    client: () => ({ clientId: 'c.apps.googleusercontent.com', clientSecret: 's' }),
    secrets,
    channels: repo,
    audit: new AuditLog(db, clock),
    notify: () => undefined,
    onChange: (id) => changes.push(id),
    log: createLogger(memorySink(), 'error'),
    random: () => 0.5,
  });
  repo.upsertConnected(
    {
      id: 'UC-a',
      title: 'A',
      handle: null,
      avatarUrl: null,
      customThumbnails: null,
      googleAccount: null,
      clientId: 'c',
    },
    new Date(clock.now()).toISOString(),
  );
  secrets.put({ kind: 'refresh_token', id: 'UC-a' }, Buffer.from('1//r'));
  fake.grants.set('1//r', 'UC-a');
  tokens.accept('UC-a', fake.consent('UC-a'));
  assert.deepEqual(changes, ['UC-a']);
  changes.length = 0;
  const refreshed = tokens.refresh('UC-a');
  await clock.advance(0);
  await refreshed;
  assert.equal(changes.length, 3, `announced ${changes.length} times`);
  assert.equal(tokens.tokensInMemory, 1);
  tokens.stop();
  db.close();
});
