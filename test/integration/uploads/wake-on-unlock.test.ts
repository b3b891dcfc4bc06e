import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/client.ts';
import type { Job } from '../../../src-shared/domain/job.ts';
import type { CoreDeps } from '../../../src-main/core/create-core.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { refusingProvider } from '../../../src-main/vault/key-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';
import { alice, videoFile } from '../../helpers/upload-harness.ts';

const PASSPHRASE = 'a passphrase only the creator knows';

/** A server without a keychain: the passphrase is the only way into the vault. */
const deps = (startUploads: boolean): CoreDeps => ({
  startUploads,
  keyProviders: () => [
    refusingProvider(
      'keychain',
      'the OS keychain (Secret Service)',
      new VaultError(VaultErrorReason.unavailable, 'The OS keychain is not running (no D-Bus).'),
    ),
  ],
  passphraseCost: { logN: 14, r: 8, p: 1 },
  // A job waiting for its token would retry in a minute on its own: the test ends well before.
  uploads: { backoff: { baseMs: 60_000, capMs: 60_000 } },
});

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}; last seen ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a locked vault holds uploads back; unlocking it lets them go at once', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'data');
  let sandbox: GoogleSandbox;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true });
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  const open = (startUploads: boolean) => {
    const core = testCore(dataDir, { googleBaseUrl: sandbox.baseUrl }, deps(startUploads));
    const api: ApiClient = createApiClient(memoryTransport(core.router, core.events));
    return { core, api };
  };

  test('the job waits for its token while locked, and uploads once the passphrase is typed', async () => {
    // Day one: a passphrase vault, a connected channel.
    const first = open(false);
    await first.api.invoke('vault.setPassphrase', { passphrase: PASSPHRASE });
    await first.api.invoke('client.set', {
      clientId: sandbox.defaultClient.clientId,
      clientSecret: sandbox.defaultClient.clientSecret,
    });
    const flow = await first.api.invoke('channels.connect', {
      loginHint: alice,
      openBrowser: false,
    });
    assert.equal((await fetch(flow.authorizationUrl)).status, 200);
    const outcome = await first.api.invoke('channels.connectResult', { flowId: flow.flowId });
    assert.equal(outcome.status, 'connected');
    await first.core.close();

    // After a restart the vault is locked: the upload cannot get its token.
    const second = open(true);
    try {
      assert.equal((await second.api.invoke('vault.status', {})).state, 'locked');
      const file = videoFile(dir.path, 'locked.mp4', 300_000);
      const { jobIds } = await second.api.invoke('jobs.enqueue', {
        files: [file.path],
        channelIds: [alice],
        metadata: { title: 'Locked', privacy: 'private' } as never,
        thumbnail: null,
      });
      const id = jobIds[0]!;
      const get = () => second.core.services.uploads.get(id);
      const waiting = await until(
        get,
        (j: Job) => j.state === 'waiting',
        'the job should wait for its token',
      );
      assert.equal(waiting.waitReason, 'token');
      assert.match(waiting.error?.message ?? '', /vault is locked/i);
      assert.doesNotMatch(waiting.error?.message ?? '', /\.;/, 'one sentence, one stop');

      await second.api.invoke('vault.unlock', { passphrase: PASSPHRASE });
      const done = await until(get, (j: Job) => j.state === 'done', 'the job should upload now');
      assert.ok(done.videoId);
      const videos = sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256);
      assert.equal(videos.length, 1);
    } finally {
      await second.core.close();
    }
  });
});
