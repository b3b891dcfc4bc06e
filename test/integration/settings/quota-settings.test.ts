import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../../src-shared/api/client.ts';
import type { Core } from '../../../src-main/core/create-core.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { refreshTokenSource } from '../../helpers/refresh-token-source.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';
import { testKeyProviders } from '../../helpers/test-key-file.ts';
import { alice, metadata, videoFile, waitForState } from '../../helpers/upload-harness.ts';

/**
 * A real core whose quota comes from its settings (no quotaConfig override),
 * against the sandbox, so what `jobs.quota` reports and what the scheduler
 * does follow a settings change at once.
 */
describe('quota settings drive the engine live', () => {
  let sandbox: GoogleSandbox;
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let api: ApiClient;
  let project: string;

  beforeAll(async () => {
    // The sandbox allows far more than the engine, so only the engine's own count holds jobs back.
    sandbox = await startGoogleSandbox({ autoApprove: true, config: { quotaLimit: 1_000_000 } });
    project = sandbox.defaultClient.projectId;
    dir = tempDir('dropline-quota-settings-');
    core = testCore(
      join(dir.path, 'data'),
      { googleBaseUrl: sandbox.baseUrl },
      {
        keyProviders: testKeyProviders(dir.path),
        accessTokens: refreshTokenSource({
          baseUrl: sandbox.baseUrl,
          clientId: sandbox.defaultClient.clientId,
          clientSecret: sandbox.defaultClient.clientSecret,
          refreshTokens: { [alice]: sandbox.issueTokens({ channelId: alice }).refreshToken },
        }),
        uploads: {
          chunkSize: 256 * 1024,
          backoff: { baseMs: 20, capMs: 200 },
          projectIdFor: () => project,
        },
        videoProbe: null,
      },
    );
    api = createApiClient(memoryTransport(core.router, core.events));
    // These tests are about the engine's own count: the explicit units model (auto predicts nothing).
    await api.invoke('settings.set', { quotaModel: 'units' });
  });
  afterAll(async () => {
    await core.close();
    await sandbox.close();
    dir.remove();
  });

  async function projectQuota() {
    const { projects } = await api.invoke('jobs.quota', {});
    const status = projects.find((p) => p.projectId === project);
    assert.ok(status, `jobs.quota lists ${project}: ${JSON.stringify(projects)}`);
    return status;
  }

  test('jobs.quota reports the limit and what is left under the configured model', async () => {
    core.services.uploads.ledger.charge(project, 'videos.insert');
    let q = await projectQuota();
    assert.deepEqual(
      { model: q.model, used: q.used, limit: q.limit, left: q.left, uploadsLeft: q.uploadsLeft },
      { model: 'units', used: 1600, limit: 10_000, left: 8400, uploadsLeft: 5 },
    );

    await api.invoke('settings.set', { quotaDailyUnits: 20_000, quotaInsertUnits: 2000 });
    q = await projectQuota();
    // The charge already made keeps the units it cost; the next insert costs the new price.
    assert.deepEqual(
      { used: q.used, limit: q.limit, left: q.left, uploadsLeft: q.uploadsLeft },
      { used: 1600, limit: 20_000, left: 18_400, uploadsLeft: 9 },
    );

    await api.invoke('settings.set', { quotaModel: 'calls', quotaDailyInsertCalls: 3 });
    q = await projectQuota();
    assert.equal(q.model, 'calls');
    assert.equal(q.limit, 20_000);
    assert.equal(q.uploadsLeft, 2, 'one of three insert calls is used');

    await api.invoke('settings.set', {
      quotaModel: 'units',
      quotaDailyUnits: 10_000,
      quotaInsertUnits: 1600,
      quotaDailyInsertCalls: 100,
    });
  });

  test(
    'a job held back by the quota count starts as soon as the quota is raised, without a restart',
    { timeout: 60_000 },
    async () => {
      await api.invoke('settings.set', { quotaDailyUnits: 1000 });
      const file = videoFile(dir.path, 'held.mp4', 300 * 1024);
      const [id] = core.services.uploads.enqueue({
        file: file.path,
        channelIds: [alice],
        metadata: metadata(),
        thumbnail: null,
        source: { kind: 'cli' },
      });
      assert.ok(id);
      const held = await waitForState(core, id, ['waiting', 'uploading', 'done', 'failed']);
      assert.equal(held.state, 'waiting');
      assert.equal(held.waitReason, 'quota');
      assert.equal(held.error?.code, 'quota_exceeded');

      await api.invoke('settings.set', { quotaDailyUnits: 10_000 });
      const done = await waitForState(core, id, ['done', 'failed']);
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.ok(done.videoId);
      assert.equal(sandbox.inspect.video(done.videoId)?.sha256, file.sha256);
    },
  );
});
