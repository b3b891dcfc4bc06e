import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  alice,
  metadata,
  startHarness,
  videoFile,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

describe('byte-exact uploads to the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ chunkSize: 256 * 1024 });
  });
  afterAll(async () => h.close());

  const sizes: [string, number][] = [
    ['1 byte', 1],
    ['exactly 256 KiB', 256 * 1024],
    ['256 KiB + 1', 256 * 1024 + 1],
  ];
  for (const [name, size] of sizes)
    test(`${name}: the stored video has the same SHA-256, once`, async () => {
      const file = videoFile(h.dir.path, `v${size}.mp4`, size);
      const [id] = h.core.services.uploads.enqueue({
        file: file.path,
        channelIds: [alice],
        metadata: metadata({ title: name }),
        thumbnail: null,
        source: { kind: 'cli' },
      });
      const job = await waitForState(h.core, id!, ['done', 'failed']);
      assert.equal(job.state, 'done', JSON.stringify(job.error));
      assert.equal(job.bytesSent, size);
      const video = h.sandbox.inspect.video(job.videoId!);
      assert.ok(video);
      assert.equal(video.byteLength, size);
      assert.equal(video.sha256, file.sha256);
      assert.equal(video.snippet.title, name);
      const same = h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256);
      assert.equal(same.length, 1);
    });

  test('50 MB arrives byte-exact', async () => {
    const file = videoFile(h.dir.path, 'big.mp4', 50 * 1000 * 1000);
    const [id] = h.core.services.uploads.enqueue({
      file: file.path,
      channelIds: [alice],
      metadata: metadata({ title: 'fifty' }),
      thumbnail: null,
      source: { kind: 'cli' },
    });
    const job = await waitForState(h.core, id!, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    const video = h.sandbox.inspect.video(job.videoId!);
    assert.equal(video?.sha256, file.sha256);
    assert.equal(video?.byteLength, 50 * 1000 * 1000);
  });

  test('a 0-byte file is refused with a clear message, before any network call', async () => {
    const path = join(h.dir.path, 'empty.mp4');
    writeFileSync(path, '');
    const before = h.sandbox.inspect.requests().length;
    const [id] = h.core.services.uploads.enqueue({
      file: path,
      channelIds: [alice],
      metadata: metadata(),
      thumbnail: null,
      source: { kind: 'cli' },
    });
    const job = h.core.services.uploads.get(id!);
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'invalid_file');
    assert.match(job.error!.message, /empty \(0 bytes\)/);
    assert.equal(h.sandbox.inspect.requests().length, before);
  });

  test('bad metadata is reported on the job by field and rule', () => {
    const file = videoFile(h.dir.path, 'meta.mp4', 10);
    const [id] = h.core.services.uploads.enqueue({
      file: file.path,
      channelIds: [alice],
      metadata: metadata({
        title: 'a'.repeat(101),
        privacy: 'public',
        publishAt: '2030-01-01T00:00:00Z',
      }),
      thumbnail: null,
      source: { kind: 'cli' },
    });
    const job = h.core.services.uploads.get(id!);
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'invalid_metadata');
    assert.match(job.error!.message, /title must be at most 100 characters/);
    assert.match(job.error!.message, /publishAt needs privacy "private"/);
  });
});
