import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import type { JobState } from '../../../src-shared/domain/job.ts';
import {
  alice,
  aliceBrand,
  enqueueOne,
  startHarness,
  videoFile,
  waitForBytes,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

const KiB = 1024;

describe('scheduling, pause, resume, cancel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // Slow uploads so several are running at once while we look.
    h.sandbox.faults.set({ bandwidthBytesPerSec: 2 * 1024 * KiB });
  });
  afterAll(async () => h.close());

  test('per-channel concurrency 1 and global concurrency are respected', async () => {
    h.core.services.settings.set({ perChannelConcurrency: 1, globalConcurrency: 3 });
    let maxPerChannel = 0;
    let maxGlobal = 0;
    const running = new Map<string, string>();
    const stop = h.core.events.subscribe((event, payload) => {
      if (event !== 'jobs.changed') return;
      const job = payload as { id: string; channelId: string; state: JobState };
      if (job.state === 'uploading') running.set(job.id, job.channelId);
      else running.delete(job.id);
      maxGlobal = Math.max(maxGlobal, running.size);
      for (const c of [alice, aliceBrand])
        maxPerChannel = Math.max(
          maxPerChannel,
          [...running.values()].filter((x) => x === c).length,
        );
    });
    const ids = [0, 1, 2, 3].map((i) =>
      enqueueOne(h, videoFile(h.dir.path, `s${i}.mp4`, 300 * KiB).path, i % 2 ? alice : aliceBrand),
    );
    for (const id of ids)
      assert.equal((await waitForState(h.core, id, ['done', 'failed'])).state, 'done');
    stop();
    assert.equal(maxPerChannel, 1);
    assert.equal(maxGlobal, 2, 'two channels ran side by side');
  });

  test('pause keeps the bytes Google holds; resume continues in the same session', async () => {
    const file = videoFile(h.dir.path, 'pause.mp4', 2 * 1024 * KiB);
    const sessions = h.sandbox.inspect.sessions().length;
    const id = enqueueOne(h, file.path, alice);
    await waitForBytes(h.core, id, 512 * KiB);
    const paused = h.core.services.uploads.pause(id);
    assert.equal(paused.state, 'paused');
    const resumed = h.core.services.uploads.resume(id);
    assert.equal(resumed.state, 'queued');
    const done = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(done.state, 'done');
    assert.equal(h.sandbox.inspect.sessions().length, sessions + 1);
    const videos = h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256);
    assert.equal(videos.length, 1);
  });

  test('pausing a channel pauses its jobs; cancel stops a job and creates no video', async () => {
    const a = videoFile(h.dir.path, 'pc1.mp4', 1024 * KiB);
    const b = videoFile(h.dir.path, 'pc2.mp4', 1024 * KiB);
    const ida = enqueueOne(h, a.path, aliceBrand);
    const idb = enqueueOne(h, b.path, aliceBrand);
    const paused = h.core.services.uploads.pauseChannel(aliceBrand);
    assert.deepEqual(
      paused.map((j) => j.state),
      ['paused', 'paused'],
    );
    h.core.services.uploads.cancel(idb);
    h.core.services.uploads.resumeChannel(aliceBrand);
    assert.equal((await waitForState(h.core, ida, ['done', 'failed'])).state, 'done');
    assert.equal(h.core.services.uploads.get(idb).state, 'cancelled');
    const videos = h.sandbox.inspect
      .channel(aliceBrand)
      .videos.filter((v) => v.sha256 === b.sha256);
    assert.equal(videos.length, 0);
    assert.throws(() => h.core.services.uploads.resume(idb), /not paused/);
  });

  test('enqueueing the same unchanged file for the same channel twice gives one job', () => {
    const file = videoFile(h.dir.path, 'twice.mp4', 1000);
    const first = enqueueOne(h, file.path, alice);
    const second = enqueueOne(h, file.path, alice);
    assert.equal(first, second);
  });
});
