import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/client.ts';
import type { Core } from '../../../src-main/core/create-core.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';
import { testKeyProviders } from '../../helpers/test-key-file.ts';

const ALICE = 'UCalice0000000000000000a';
const HOUR = 3600_000;

/**
 * A real sign-in through the sandbox's Testing-mode client (its token answer
 * carries refresh_token_expires_in, as Google's does), on an engine whose
 * clock the test moves: the grant's end is stored and shown, and the 48-hour
 * notice goes out when it is due.
 */
describe('a Testing-mode OAuth client', () => {
  let sandbox: GoogleSandbox;
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let api: ApiClient;
  const clock = new FakeClock(Date.now());

  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true });
    dir = tempDir('dropline-testing-mode-');
    core = testCore(
      join(dir.path, 'data'),
      { googleBaseUrl: sandbox.baseUrl },
      { clock, keyProviders: testKeyProviders(dir.path), videoProbe: null },
    );
    api = createApiClient(memoryTransport(core.router, core.events));
  });
  afterAll(async () => {
    await core.close();
    await sandbox.close();
    dir.remove();
  });

  async function connect(): Promise<void> {
    const flow = await api.invoke('channels.connect', { loginHint: ALICE, openBrowser: false });
    assert.equal((await fetch(flow.authorizationUrl)).status, 200);
    const outcome = await api.invoke('channels.connectResult', { flowId: flow.flowId });
    assert.equal(outcome.status, 'connected', JSON.stringify(outcome));
  }

  const ending = async () =>
    (await api.invoke('notices.list', {})).notices.filter((n) => n.kind === 'sign_in_ending');

  test('grantExpiresAt is about 7 days ahead, and the 48 h notice is posted', async () => {
    const testing = sandbox.clients().find((c) => c.publishingStatus === 'testing');
    assert.ok(testing, 'the seed has a Testing-mode client');
    await api.invoke('client.set', {
      clientId: testing.clientId,
      clientSecret: testing.clientSecret,
    });
    await connect();
    const [channel] = await api.invoke('channels.list', {});
    assert.ok(channel?.grantExpiresAt, 'a grant end is stored');
    const ahead = Date.parse(channel.grantExpiresAt) - clock.now();
    assert.ok(Math.abs(ahead - 7 * 24 * HOUR) < 60_000, `ends ${ahead} ms ahead`);

    await clock.advance(5 * 24 * HOUR - 10 * 60_000);
    assert.equal((await ending()).length, 0, 'not before 48 h ahead');
    await clock.advance(10 * 60_000);
    const [notice] = await ending();
    assert.ok(notice, 'the 48 h notice');
    assert.equal(notice.channelId, ALICE);
    assert.match(notice.title, /ends in 2 days/);
    assert.match(notice.message, /Testing/);
  });

  test('reconnecting extends the grant', async () => {
    const before = (await api.invoke('channels.list', {}))[0]?.grantExpiresAt;
    await clock.advance(HOUR);
    await connect();
    const after = (await api.invoke('channels.list', {}))[0]?.grantExpiresAt;
    assert.ok(before && after);
    assert.ok(Date.parse(after) - clock.now() > 7 * 24 * HOUR - 60_000, 'a fresh 7 days');
    assert.ok(Date.parse(after) > Date.parse(before));
  });

  test('a production client gives no end: grantExpiresAt is null', async () => {
    await api.invoke('client.set', {
      clientId: sandbox.defaultClient.clientId,
      clientSecret: sandbox.defaultClient.clientSecret,
    });
    await connect();
    const [channel] = await api.invoke('channels.list', {});
    assert.equal(channel?.grantExpiresAt, null);
  });
});
