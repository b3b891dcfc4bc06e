import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, describe, test } from 'vitest';
import type { Job } from '../../../src-shared/domain/job.ts';
import type { Core } from '../../../src-main/core/create-core.ts';
import { nextPacificMidnight } from '../../../src-main/youtube/pacific-day.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { refreshTokenSource } from '../../helpers/refresh-token-source.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';
import { testKeyProviders } from '../../helpers/test-key-file.ts';
import { alice, aliceBrand, metadata, videoFile } from '../../helpers/upload-harness.ts';

const SIZE = 300_000;

/**
 * The `auto` quota model (the default) against both of Google's documented
 * models, with the engine's quota settings left as they ship: the engine
 * predicts nothing for uploads and Google's quotaExceeded decides. The
 * engine's clock is a fake one, so "until Pacific midnight" is tested by
 * moving it there.
 */
describe('quota model auto', () => {
  let sandbox: GoogleSandbox;
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let clock: FakeClock;

  async function start(sandboxModel: 'units' | 'calls'): Promise<void> {
    sandbox = await startGoogleSandbox({
      autoApprove: true,
      config: { videosInsertCostModel: sandboxModel },
    });
    // Noon Pacific: the engine's quota day and the sandbox's are the same day.
    clock = new FakeClock(sandbox.clock.now());
    dir = tempDir('dropline-quota-auto-');
    const refreshTokens: Record<string, string> = {};
    for (const channelId of [alice, aliceBrand])
      refreshTokens[channelId] = sandbox.issueTokens({ channelId }).refreshToken;
    core = testCore(
      join(dir.path, 'data'),
      { googleBaseUrl: sandbox.baseUrl },
      {
        clock,
        keyProviders: testKeyProviders(dir.path),
        accessTokens: refreshTokenSource({
          baseUrl: sandbox.baseUrl,
          clientId: sandbox.defaultClient.clientId,
          clientSecret: sandbox.defaultClient.clientSecret,
          refreshTokens,
        }),
        // No quotaConfig: the settings' defaults (auto) decide.
        uploads: {
          chunkSize: 256 * 1024,
          backoff: { baseMs: 20, capMs: 200 },
          projectIdFor: () => sandbox.defaultClient.projectId,
        },
        videoProbe: null,
      },
    );
    assert.equal(core.services.settings.get().quotaModel, 'auto');
  }

  afterEach(async () => {
    await core.close();
    await sandbox.close();
    dir.remove();
  });

  function enqueue(n: number, channels = [alice, aliceBrand]): string[] {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const file = videoFile(dir.path, `v${i}.mp4`, SIZE);
      const [id] = core.services.uploads.enqueue({
        file: file.path,
        channelIds: [channels[i % channels.length]!],
        metadata: metadata({ title: `Video ${i}` }),
        thumbnail: null,
        source: { kind: 'cli' },
      });
      ids.push(id as string);
    }
    return ids;
  }

  /** Moves the fake clock along (timers of the engine) until the jobs satisfy `ready`. */
  async function until(ready: (jobs: Job[]) => boolean, what: string): Promise<Job[]> {
    for (let i = 0; i < 20_000; i++) {
      const jobs = core.services.uploads.list();
      if (ready(jobs)) return jobs;
      await clock.advance(20);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const project = () => core.services.uploads.quota().projects[0]!;

  test('a bucket-model project: 20 uploads in one day all start and finish', async () => {
    await start('calls');
    enqueue(20);
    const jobs = await until((j) => j.every((x) => x.state === 'done'), '20 done');
    assert.equal(jobs.length, 20);
    assert.equal(sandbox.quota.snapshot().insertCalls, 20);
    const q = project();
    assert.equal(q.model, 'auto');
    assert.equal(q.uploadsToday, 20);
    assert.equal(q.refusedAt, null);
    assert.equal(q.uploadsLeft, null, 'auto predicts nothing');
  });

  test('a units-model project: the first quotaExceeded stops sending until Pacific midnight', async () => {
    await start('units');
    // One channel, so starts are one at a time and "the first refusal" is well defined.
    const ids = enqueue(9, [alice]);
    // 10,000 units a day at 1,600 an upload: Google takes 6, then refuses the 7th session start.
    await until(
      (j) =>
        j.filter((x) => x.state === 'done').length === 6 &&
        j.filter((x) => x.state === 'waiting' && x.waitReason === 'quota').length === 3,
      '6 done and 3 waiting for quota',
    );
    const requests = sandbox.inspect.requests();
    const refusals = requests.filter(
      (r) =>
        r.method === 'POST' && r.path.startsWith('/upload/youtube/v3/videos') && r.status === 403,
    );
    assert.equal(refusals.length, 1, 'one refused start, not one per job');
    const after = requests.slice(requests.indexOf(refusals[0]!) + 1);
    assert.deepEqual(
      after.filter((r) => r.path.startsWith('/upload/')),
      [],
      'no upload request (and so no byte) after the refusal',
    );
    assert.equal(sandbox.inspect.sessions().length, 6, 'no session beyond the six Google took');
    const q = project();
    assert.equal(q.uploadsToday, 6);
    assert.equal(q.refusedAtCount, 6);
    assert.ok(q.refusedAt);

    // Hours pass on the same Pacific day: still nothing is sent.
    const midnight = nextPacificMidnight(clock.now());
    const count = sandbox.inspect.requests().length;
    await clock.advance(midnight - clock.now() - 60_000);
    assert.equal(sandbox.inspect.requests().length, count, 'silent until the reset');
    assert.equal(core.services.uploads.list().filter((j) => j.state === 'waiting').length, 3);

    // Midnight Pacific on both sides: the quota is new and the rest go.
    sandbox.clock.set(midnight + 1000);
    await clock.advance(2 * 60_000);
    const done = await until((j) => j.every((x) => x.state === 'done'), 'all done');
    assert.deepEqual(done.map((j) => j.id).sort(), [...ids].sort());
    assert.equal(project().refusedAt, null, 'a new day, no refusal yet');
  });
});
