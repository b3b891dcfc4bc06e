import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Notice } from '../../../src-shared/domain/notice.ts';
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

const MiB = 1024 * 1024;

function noticesOf(h: Harness, kind: Notice['kind']): Notice[] {
  return h.core.services.notices.list({ limit: 500 }).notices.filter((n) => n.kind === kind);
}

describe('a quit pauses the running upload; the next start resumes it', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('running -> paused at quit -> resumed at start and done once; a job the user paused stays paused', async () => {
    const size = 12 * MiB;
    const big = videoFile(h.dir.path, 'long.mp4', size);
    const other = videoFile(h.dir.path, 'other.mp4', MiB);
    h.sandbox.faults.set({ bandwidthBytesPerSec: 2 * MiB });
    const running = enqueueOne(h, big.path, alice, { title: 'Long one' });
    await waitForBytes(h.core, running, 512 * 1024);
    // Behind it on the same channel (one upload per channel), paused on purpose.
    const mine = enqueueOne(h, other.path, alice, { title: 'Paused by me' });
    h.core.services.uploads.pause(mine);

    const paused = await h.core.services.uploads.pauseForQuit();
    assert.deepEqual(paused, [running]);
    assert.equal(h.core.services.uploads.get(running).state, 'paused');
    h.sandbox.faults.set({ bandwidthBytesPerSec: null });
    // The same key and data dir: a restart of the app.
    await h.restart();
    const done = await waitForState(h.core, running, ['done', 'failed']);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(h.core.services.uploads.get(mine).state, 'paused', 'the user pause holds');
    const videos = h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === big.sha256);
    assert.equal(videos.length, 1, 'exactly one video');
    assert.equal(videos[0]?.byteLength, size);

    const [notice] = noticesOf(h, 'upload_done');
    assert.equal(notice?.jobId, running);
    assert.equal(notice?.channelId, alice);
    assert.match(notice?.title ?? '', /Uploaded "Long one"/);
    assert.equal(notice?.read, false);
  });

  test('a failed upload posts upload_failed with its error', async () => {
    const gone = videoFile(h.dir.path, 'gone.mp4', 300 * 1024);
    h.core.services.uploads.pauseChannel(aliceBrand);
    const id = enqueueOne(h, gone.path, aliceBrand, { title: 'Gone' });
    h.core.services.uploads.pause(id);
    rmSync(gone.path);
    h.core.services.uploads.resume(id);
    const job = await waitForState(h.core, id, ['failed', 'done', 'waiting']);
    assert.equal(job.state, 'failed', JSON.stringify(job));
    const failed = noticesOf(h, 'upload_failed').find((n) => n.jobId === id);
    assert.ok(failed, 'a failure notice');
    assert.equal(failed.level, 'error');
    assert.ok(failed.message.includes(job.error?.message ?? '???'), failed.message);
  });
});

describe('waiting for quota is said once, however many jobs wait', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quotaUnits: 1600 });
  });
  afterAll(() => h.close());

  test('one upload fits the day; the next three wait, with one quota_wait notice', async () => {
    const ids = [1, 2, 3, 4].map((i) =>
      enqueueOne(
        h,
        videoFile(h.dir.path, `q${i}.mp4`, 256 * 1024).path,
        i % 2 ? alice : aliceBrand,
      ),
    );
    await waitForState(h.core, ids[0]!, ['done']);
    for (const id of ids.slice(1)) await waitForState(h.core, id, ['waiting']);
    const waits = noticesOf(h, 'quota_wait');
    assert.equal(waits.length, 1, JSON.stringify(waits));
    assert.equal(waits[0]?.level, 'warning');
    assert.match(waits[0]?.message ?? '', /midnight Pacific/);
  });
});
