import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { prepareThumbnail } from '../../../src-main/youtube/thumbnail-fit.ts';
import {
  alice,
  enqueueOne,
  startHarness,
  videoFile,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

const playlist = 'PLalice000000000000000000000000001';

async function noisyPng(path: string, width: number, height: number): Promise<void> {
  await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toFile(path);
}

describe('after the video: thumbnail, then playlist', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  test('an image over 2 MB and 1280x720 is fitted (aspect kept) and set; the video joins the playlist', async () => {
    const image = join(h.dir.path, 'big.png');
    await noisyPng(image, 2400, 1600);
    const file = videoFile(h.dir.path, 'thumb.mp4', 5000);
    const id = enqueueOne(h, file.path, alice, { playlistId: playlist }, image);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.equal(job.thumbnailStep, 'done');
    assert.equal(job.playlistStep, 'done');
    const video = h.sandbox.inspect.video(job.videoId!);
    assert.ok(video?.thumbnail);
    assert.ok(video.thumbnail.byteLength <= 2 * 1024 * 1024);
    assert.deepEqual(video.playlistIds, [playlist]);
    const stored = h.sandbox.inspect.channel(alice).playlists.find((p) => p.id === playlist);
    assert.ok(stored?.videoIds.includes(job.videoId!));
  });

  test('fitting keeps the aspect ratio inside 1280x720; a small JPEG or PNG is sent as is', async () => {
    const big = join(h.dir.path, 'wide.png');
    await noisyPng(big, 2400, 1600);
    const fitted = await prepareThumbnail(big);
    const meta = await sharp(fitted.data).metadata();
    assert.equal(fitted.resized, true);
    assert.deepEqual([meta.width, meta.height], [1080, 720]);
    const small = join(h.dir.path, 'tiny.png');
    await noisyPng(small, 64, 36);
    assert.equal((await prepareThumbnail(small)).resized, false);
  });

  test('a thumbnail refused by YouTube marks the step; retry sets it without uploading again', async () => {
    const image = join(h.dir.path, 'small.png');
    await noisyPng(image, 320, 180);
    const file = videoFile(h.dir.path, 'thumbfail.mp4', 7000);
    h.sandbox.faults.set({
      failNext: {
        count: 1,
        status: 403,
        reason: 'forbidden',
        pathPrefix: '/upload/youtube/v3/thumbnails',
      },
    });
    const id = enqueueOne(h, file.path, alice, {}, image);
    const failed = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.thumbnailStep, 'failed');
    assert.equal(failed.error?.code, 'thumbnail_failed');
    assert.match(failed.error!.message, /video was uploaded/);
    assert.ok(failed.videoId);
    h.core.services.uploads.retry(id);
    const done = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.videoId, failed.videoId);
    const videos = h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256);
    assert.equal(videos.length, 1, 'never uploaded twice');
    assert.ok(videos[0]?.thumbnail);
  });

  test('quota ledger shows what was used: the uploads counted, 50 units per thumbnail or playlist item', () => {
    const q = h.core.services.uploads
      .quota()
      .projects.find((p) => p.projectId === h.sandbox.defaultClient.projectId);
    // The auto model counts uploads apart (their unit cost is Google's to decide):
    // two uploads; two thumbnails set plus one refused (which still costs), one playlist item.
    assert.equal(q?.model, 'auto');
    assert.equal(q?.uploadsToday, 2);
    assert.equal(q?.used, 3 * 50 + 50);
  });
});
