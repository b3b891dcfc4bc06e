import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/client.ts';
import { nodeFetch, type HttpFetch } from '../../../src-main/auth/http.ts';
import { createCore, type Core } from '../../../src-main/core/create-core.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { clientSecretJson } from '../../helpers/client-secret-json.ts';

const CHANNEL = 'UCalice0000000000000000a';

/**
 * A full sign-in, refresh and disconnect against the Google sandbox with a
 * real core (vault with a key file, SQLite file, log file), then every byte
 * Dropline wrote or sent over the API is searched for the token strings.
 */
describe('tokens never leave the main process', () => {
  let sandbox: GoogleSandbox;
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let api: ApiClient;
  const payloads: string[] = [];
  const tokens = new Set<string>();

  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true });
    dir = tempDir();
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    // Every token Google hands out is noted, to be searched for afterwards.
    const spy: HttpFetch = async (url, init) => {
      const res = await nodeFetch(url, init);
      const text = res.body.toString('utf8');
      if (url.endsWith('/token')) {
        try {
          const body = JSON.parse(text) as { access_token?: string; refresh_token?: string };
          if (body.access_token) tokens.add(body.access_token);
          if (body.refresh_token) tokens.add(body.refresh_token);
        } catch {
          // Not JSON: nothing to note.
        }
      }
      return res;
    };
    core = createCore(
      {
        dataDir: join(dir.path, 'data'),
        mode: 'headless',
        version: '0.0.0-test',
        googleBaseUrl: sandbox.baseUrl,
        logLevel: 'debug',
        keyProvider: 'file',
        masterKeyFile: keyFile,
      },
      { channels: { http: spy } },
    );
    const transport = memoryTransport(core.router, core.events);
    api = createApiClient({
      async call(method, input) {
        const result = await transport.call(method, input);
        payloads.push(JSON.stringify(result));
        return result;
      },
      subscribe: (listener) =>
        transport.subscribe((event, payload) => {
          payloads.push(JSON.stringify({ event, payload }));
          listener(event, payload);
        }),
    });
    api.on('channels.changed', () => undefined);
  });

  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  test('sign-in, refresh and disconnect leave no token in the database, the logs or any payload', async () => {
    const info = await api.invoke('client.set', {
      fileText: clientSecretJson(sandbox),
    });
    assert.equal(info.configured, true);

    const started = await api.invoke('channels.connect', {
      loginHint: CHANNEL,
      openBrowser: false,
    });
    // The sandbox approves at once and redirects to the loopback listener.
    const landing = await fetch(started.authorizationUrl);
    assert.equal(landing.status, 200);
    assert.match(await landing.text(), /return to Dropline/);
    const outcome = await api.invoke('channels.connectResult', { flowId: started.flowId });
    assert.equal(outcome.status, 'connected', JSON.stringify(outcome));
    assert.equal(outcome.status === 'connected' && outcome.channel.title, 'Alice Cooks');

    // Refresh: drop the in-memory token so the next call goes to Google.
    core.services.channels.tokens.forget(CHANNEL);
    await core.services.channels.tokens.getAccessToken(CHANNEL);
    const [listed] = await api.invoke('channels.list', {});
    assert.equal(listed?.lastRefreshOutcome, 'ok');
    assert.ok(listed?.accessTokenExpiresAt);
    await api.invoke('channels.stats', {});

    const disconnected = await api.invoke('channels.disconnect', { channelId: CHANNEL });
    assert.equal(disconnected.revokedAtGoogle, true);
    assert.equal(disconnected.channel.status, 'disconnected');
    assert.equal(sandbox.inspect.channel(CHANNEL).grants.filter((g) => g.live).length, 0);
    await assert.rejects(core.services.channels.tokens.getAccessToken(CHANNEL), {
      code: 'channel_disconnected',
    });
    const audit = await api.invoke('channels.audit', { channelId: CHANNEL });
    assert.deepEqual(
      audit.map((e) => `${e.action}:${e.outcome}`),
      ['revoke:ok', 'refresh:ok', 'consent:ok'],
    );
    await core.close();

    assert.ok(tokens.size >= 3, `tokens seen: ${tokens.size}`);
    const secrets = [...tokens, sandbox.defaultClient.clientSecret];
    const files: string[] = [];
    const dataDir = join(dir.path, 'data');
    for (const name of readdirSync(dataDir))
      if (name.startsWith('dropline.db')) files.push(join(dataDir, name));
    for (const name of readdirSync(join(dataDir, 'logs'))) files.push(join(dataDir, 'logs', name));
    assert.ok(files.some((f) => /dropline\.\d+\.log$/.test(f)));
    const haystacks: [string, Buffer][] = [
      ...files.map((f): [string, Buffer] => [f, readFileSync(f)]),
      ...payloads.map((p, i): [string, Buffer] => [`payload ${i}`, Buffer.from(p)]),
    ];
    // The search itself works: a control buffer with a token is found.
    const control = Buffer.from(`x${[...tokens][0]}x`);
    assert.ok(control.includes([...tokens][0] as string));
    for (const secret of secrets)
      for (const [where, bytes] of haystacks)
        assert.equal(
          bytes.includes(secret),
          false,
          `${where} holds a secret (${secret.slice(0, 12)}…)`,
        );
    assert.ok(payloads.length > 5);
  });
});
