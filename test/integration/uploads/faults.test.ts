import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
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
import { FakeClock } from '../../helpers/fake-clock.ts';

const KiB = 1024;
const uploadPath = '/upload/youtube/v3/videos';

function videosWith(h: Harness, channelId: string, sha256: string) {
  return h.sandbox.inspect.channel(channelId).videos.filter((v) => v.sha256 === sha256);
}

describe('faults during an upload end in the right state with the right bytes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ chunkSize: 1024 * KiB });
  });
  afterAll(async () => h.close());

  test('a connection dropped mid-chunk resumes from what Google kept, in the same session', async () => {
    const file = videoFile(h.dir.path, 'drop.mp4', 3 * 1024 * KiB + 77);
    h.sandbox.faults.set({ dropUpload: { afterBytes: 600 * KiB, count: 1 } });
    const sessionsBefore = h.sandbox.inspect.sessions().length;
    const id = enqueueOne(h, file.path, alice);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.equal(videosWith(h, alice, file.sha256).length, 1);
    assert.equal(h.sandbox.inspect.sessions().length, sessionsBefore + 1, 'no second session');
    assert.equal(h.sandbox.faults.snapshot().dropUpload, null, 'the drop happened');
  });

  test('the last chunk stored but its answer lost: the status query finds the video, nothing is sent again', async () => {
    const size = 2 * 1024 * KiB + 5;
    const file = videoFile(h.dir.path, 'lost-answer.mp4', size);
    h.sandbox.faults.set({ dropFinalAnswer: { count: 1 } });
    const sessionsBefore = h.sandbox.inspect.sessions().length;
    const id = enqueueOne(h, file.path, alice);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.equal(h.sandbox.faults.snapshot().dropFinalAnswer, null, 'the answer was lost');
    const videos = videosWith(h, alice, file.sha256);
    assert.equal(videos.length, 1, 'exactly one video');
    assert.equal(job.videoId, videos[0]?.id, 'the job names the video the status query found');
    const sessions = h.sandbox.inspect.sessions().slice(sessionsBefore);
    assert.equal(sessions.length, 1, 'one upload session');
    assert.equal(sessions[0]?.bodyBytes, size, 'every byte crossed the wire once');
  });

  test('a burst of 5xx is retried with backoff and the upload completes once', async () => {
    const file = videoFile(h.dir.path, 'burst.mp4', 2 * 1024 * KiB);
    h.sandbox.faults.set({ failNext: { count: 3, status: 503, pathPrefix: uploadPath } });
    const id = enqueueOne(h, file.path, alice);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.equal(h.sandbox.faults.snapshot().failNext, null, 'all three 503s were served');
    assert.equal(videosWith(h, alice, file.sha256).length, 1);
  });

  test('a 401 mid-upload refreshes the token and continues', async () => {
    const file = videoFile(h.dir.path, 'auth.mp4', 4 * 1024 * KiB);
    const refreshesBefore = h.tokens.refreshes;
    h.sandbox.faults.set({ bandwidthBytesPerSec: 4 * 1024 * KiB });
    const id = enqueueOne(h, file.path, alice);
    await waitForBytes(h.core, id, 1024 * KiB);
    // Session URIs carry their own authority at Google, so the 401 is injected on the next PUT.
    h.sandbox.faults.expireAccessTokens(alice);
    h.sandbox.faults.set({
      failNext: { count: 1, status: 401, reason: 'authError', pathPrefix: uploadPath },
    });
    h.sandbox.faults.set({ bandwidthBytesPerSec: null });
    const job = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.ok(h.tokens.refreshes > refreshesBefore, 'the token was refreshed');
    assert.equal(h.sandbox.faults.snapshot().failNext, null, 'the 401 was served');
    assert.equal(videosWith(h, alice, file.sha256).length, 1);
  });

  test('an expired session starts a new one from byte 0 and still makes one video', async () => {
    const file = videoFile(h.dir.path, 'expire.mp4', 4 * 1024 * KiB);
    h.sandbox.faults.set({ bandwidthBytesPerSec: 4 * 1024 * KiB });
    const id = enqueueOne(h, file.path, aliceBrand);
    await waitForBytes(h.core, id, 1024 * KiB);
    h.core.services.uploads.pause(id);
    h.sandbox.faults.set({ bandwidthBytesPerSec: null });
    assert.ok(h.sandbox.faults.expireUploadSession() >= 1);
    h.core.services.uploads.resume(id);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    const videos = videosWith(h, aliceBrand, file.sha256);
    assert.equal(videos.length, 1);
    assert.equal(videos[0]?.byteLength, 4 * 1024 * KiB);
  });

  test('a 4xx with another reason fails the job with plain words, no retry', async () => {
    const file = videoFile(h.dir.path, 'bad.mp4', 1000);
    h.sandbox.faults.set({
      failNext: { count: 1, status: 400, reason: 'invalidTitle', pathPrefix: uploadPath },
    });
    const id = enqueueOne(h, file.path, alice);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'invalidTitle');
    assert.match(job.error!.message, /refused the title/);
  });
});

describe('quotaExceeded', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quotaUnits: 10_000 });
  });
  afterAll(async () => h.close());

  test('moves the job to waiting until midnight Pacific and starts nothing else', async () => {
    h.sandbox.quota.setUsed(h.sandbox.defaultClient.projectId, 10_000);
    const a = videoFile(h.dir.path, 'qa.mp4', 300 * KiB);
    const b = videoFile(h.dir.path, 'qb.mp4', 300 * KiB);
    const first = enqueueOne(h, a.path, alice);
    const job = await waitForState(h.core, first, ['waiting', 'done', 'failed']);
    assert.equal(job.state, 'waiting');
    assert.equal(job.waitReason, 'quota');
    const quota = h.core.services.uploads.quota().projects[0];
    assert.equal(job.waitUntil, quota?.resetsAt);
    assert.equal(new Date(job.waitUntil!).getTime(), h.sandbox.clock.nextPacificMidnight());
    assert.equal(quota?.left, 0);
    const requests = h.sandbox.inspect.requests().length;
    const second = enqueueOne(h, b.path, aliceBrand);
    const waiting = await waitForState(h.core, second, ['waiting', 'done', 'failed']);
    assert.equal(waiting.waitReason, 'quota');
    assert.equal(h.sandbox.inspect.requests().length, requests, 'no request it knew would fail');
    assert.equal(job.bytesSent, 0);
  });
});

describe('uploadLimitExceeded', () => {
  let h: Harness;
  // The engine's time stands still: the 24 hours are counted from a known instant.
  const clock = new FakeClock();
  beforeAll(async () => {
    h = await startHarness({ core: { clock } });
  });
  afterAll(async () => h.close());

  test('that channel waits 24 hours; the other channel goes on', async () => {
    const a = videoFile(h.dir.path, 'ua.mp4', 300 * KiB);
    const b = videoFile(h.dir.path, 'ub.mp4', 300 * KiB);
    const c = videoFile(h.dir.path, 'uc.mp4', 300 * KiB);
    h.sandbox.faults.set({
      failNext: { count: 1, status: 400, reason: 'uploadLimitExceeded', pathPrefix: uploadPath },
    });
    const held = enqueueOne(h, a.path, alice);
    const job = await waitForState(h.core, held, ['waiting', 'done', 'failed']);
    assert.equal(job.state, 'waiting');
    assert.equal(job.waitReason, 'channel_limit');
    assert.equal(new Date(job.waitUntil!).getTime(), clock.now() + 24 * 3_600_000, 'waits 24 h');
    const sameChannel = enqueueOne(h, c.path, alice);
    const other = enqueueOne(h, b.path, aliceBrand);
    const done = await waitForState(h.core, other, ['done', 'failed']);
    assert.equal(done.state, 'done');
    assert.equal(
      h.core.services.uploads.get(sameChannel).state,
      'queued',
      'held channel starts nothing',
    );
    assert.equal(h.core.services.uploads.quota().holds[0]?.channelId, alice);
  });
});
