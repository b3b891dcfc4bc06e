import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { ChannelStatus } from '../../../src-shared/domain/channel.ts';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { clientSecretJson } from '../../helpers/client-secret-json.ts';
import { startCliSandbox, type CliSandbox } from '../../helpers/cli-sandbox.ts';

const ALICE = 'UCalice0000000000000000a';
const BRAND = 'UCalicebrand00000000000b';

/** Resolves when the engine reports the channel in that status: subscribed before it looks, so no change is missed. */
async function channelBecomes(dataDir: string, channelId: string, status: ChannelStatus) {
  const info = JSON.parse(readFileSync(join(dataDir, 'service.json'), 'utf8'));
  const engine = await connectToEngine(info.url, info.token);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${channelId} did not become ${status}`)),
        60_000,
      );
      const done = () => (clearTimeout(timer), off(), resolve());
      const off = engine.api.on('channels.changed', (list) => {
        if (list.some((c) => c.id === channelId && c.status === status)) done();
      });
      void engine.api.invoke('channels.list', {}).then((list) => {
        if (list.some((c) => c.id === channelId && c.status === status)) done();
      }, reject);
    });
  } finally {
    engine.close();
  }
}

describe('dropline channels check and the start-up health check', () => {
  let cli: CliSandbox;
  const run = (...args: string[]) => cli.run(...args);

  beforeAll(async () => {
    cli = await startCliSandbox({
      env: {
        // The start-up checks are spread over 2 minutes; here over 1 second.
        DROPLINE_HEALTH_CHECK_SPREAD_MS: '1000',
      },
    });
    await cli.startServe();
    const file = join(cli.dir, 'client_secret.json');
    writeFileSync(file, clientSecretJson(cli.sandbox));
    assert.equal((await run('client', 'set', '--file', file)).code, 0);
    await connectWithCli({ dataDir: cli.dataDir, env: cli.env, channelId: ALICE });
    await connectWithCli({ dataDir: cli.dataDir, env: cli.env, channelId: BRAND });
  });

  afterAll(() => cli.close());

  test('all fine: exit 0, one result per channel', async () => {
    const r = await run('channels', 'check', '--json');
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(r.stdout) as { id: string; result: string }[];
    assert.deepEqual(results.map((x) => [x.id, x.result]).sort(), [
      [ALICE, 'ok'],
      [BRAND, 'ok'],
    ]);
  });

  test('a grant revoked at Google is found by `channels check` (exit 1)', async () => {
    assert.ok(cli.sandbox.faults.revokeChannelTokens(ALICE) > 0);
    const r = await run('channels', 'check');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`${ALICE}\\s+needs_reconsent`));
    assert.match(r.stdout, new RegExp(`${BRAND}\\s+ok`));
    assert.match(r.stderr, /dropline connect/);
    const listed = JSON.parse((await run('channels', '--json')).stdout) as Record<
      string,
      unknown
    >[];
    assert.equal(listed.find((c) => c.id === ALICE)?.status, 'needs_reconsent');
    // One channel only: the other one is fine, so exit 0.
    const one = await run('channels', 'check', BRAND, '--json');
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual(
      (JSON.parse(one.stdout) as { id: string }[]).map((x) => x.id),
      [BRAND],
    );
    assert.equal((await run('channels', 'check', 'UCnope')).code, 2);
  });

  test('a grant revoked while the engine was down is found at start, with no command', async () => {
    await cli.stopServe();
    assert.ok(cli.sandbox.faults.revokeChannelTokens(BRAND) > 0);
    await cli.startServe();
    await channelBecomes(cli.dataDir, BRAND, 'needs_reconsent');
    const notices = JSON.parse((await run('notices', '--json')).stdout) as {
      channelId: string;
      title: string;
    }[];
    assert.ok(
      notices.some((n) => n.channelId === BRAND && /Reconnect/.test(n.title)),
      JSON.stringify(notices),
    );
  });
});
