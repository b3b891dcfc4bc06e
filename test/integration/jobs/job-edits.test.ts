import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { AppError } from '../../../src-shared/api/errors.ts';
import type { ApiClient } from '../../../src-shared/api/client.ts';
import { createApiClient } from '../../../src-shared/api/client.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import {
  alice,
  aliceBrand,
  metadata,
  startHarness,
  videoFile,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

async function refused(call: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(call, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.match(error.message, pattern);
    return true;
  });
}

describe('jobs you can act on: checked adds, edits, removal, order, history', () => {
  let h: Harness;
  let api: ApiClient;
  beforeAll(async () => {
    // Uploads do not start: every job stays where the test puts it.
    h = await startHarness({ startUploads: false });
    api = createApiClient(memoryTransport(h.core.router, h.core.events));
  });
  afterAll(async () => h.close());

  const count = () => h.core.services.uploads.list().length;

  test('jobs.add refuses a missing file, a non-video and a blank title, naming each, and creates no job', async () => {
    const video = videoFile(h.dir.path, 'ok.mp4', 1000).path;
    const notVideo = join(h.dir.path, 'notes.txt');
    writeFileSync(notVideo, 'hello');
    const before = count();
    await refused(
      api.invoke('jobs.add', {
        uploads: [
          { file: join(h.dir.path, 'missing.mp4'), channelId: alice, metadata: metadata() },
          { file: notVideo, channelId: alice, metadata: metadata() },
          { file: video, channelId: aliceBrand, metadata: metadata({ title: '   ' }) },
        ],
      }),
      /missing\.mp4 does not exist.*notes\.txt is not a video.*title is required/s,
    );
    assert.equal(count(), before, 'no job, not even a failed one');
  });

  test('jobs.add queues each channel with its own details', async () => {
    const file = videoFile(h.dir.path, 'per-channel.mp4', 1000).path;
    const { jobIds } = await api.invoke('jobs.add', {
      uploads: [
        { file, channelId: alice, metadata: metadata({ title: 'For Alice', tags: ['food'] }) },
        { file, channelId: aliceBrand, metadata: metadata({ title: 'For Travels' }) },
      ],
    });
    const jobs = jobIds.map((id) => h.core.services.uploads.get(id));
    assert.deepEqual(
      jobs.map((j) => [j.channelId, j.title, j.metadata.tags]),
      [
        [alice, 'For Alice', ['food']],
        [aliceBrand, 'For Travels', []],
      ],
    );
    const timeline = await api.invoke('jobs.timeline', { id: jobIds[0] as string });
    assert.equal(timeline[0]?.kind, 'queued');
    assert.match(timeline[0]?.message ?? '', /per-channel\.mp4/);
  });

  test('jobs.check says what is wrong with each file, and what fitting a thumbnail will do', async () => {
    const big = join(h.dir.path, 'big.png');
    await sharp({ create: { width: 2560, height: 1440, channels: 3, background: '#336699' } })
      .png()
      .toFile(big);
    const ok = videoFile(h.dir.path, 'fine.mp4', 500).path;
    const checked = await api.invoke('jobs.check', {
      files: [ok, join(h.dir.path, 'gone.mp4'), 'relative.mp4'],
      thumbnail: big,
    });
    assert.deepEqual(
      checked.files.map((f) => [f.problem === null, f.size]),
      [
        [true, 500],
        [false, null],
        [false, null],
      ],
    );
    assert.match(checked.files[2]?.problem ?? '', /not a full path/);
    const t = checked.thumbnail!;
    assert.equal(t.problem, null);
    assert.deepEqual([t.width, t.height, t.format], [2560, 1440, 'png']);
    assert.match(t.previewUrl ?? '', /^data:image\/jpeg;base64,/);
    assert.deepEqual([t.fit?.resized, t.fit?.width, t.fit?.height], [true, 1280, 720]);
    assert.ok((t.fit?.bytes ?? Infinity) <= 2 * 1024 * 1024);
  });

  test('editing one queued job and several at once changes their details; the history says so', async () => {
    const a = videoFile(h.dir.path, 'edit-a.mp4', 800).path;
    const b = videoFile(h.dir.path, 'edit-b.mp4', 800).path;
    const { jobIds } = await api.invoke('jobs.add', {
      uploads: [
        { file: a, channelId: alice, metadata: metadata({ title: 'A' }) },
        { file: b, channelId: alice, metadata: metadata({ title: 'B' }) },
      ],
    });
    const [ja, jb] = jobIds as [string, string];
    await api.invoke('jobs.update', { ids: [ja], patch: { title: 'A, renamed' } });
    const both = await api.invoke('jobs.update', { ids: [ja, jb], patch: { privacy: 'unlisted' } });
    assert.deepEqual(
      both.map((j) => [j.title, j.metadata.privacy]),
      [
        ['A, renamed', 'unlisted'],
        ['B', 'unlisted'],
      ],
    );
    const lines = (await api.invoke('jobs.timeline', { id: ja })).map((e) => e.kind);
    assert.deepEqual(lines, ['queued', 'edited', 'edited']);
  });

  test('an edit that breaks a rule is refused for all the selected jobs, and none changes', async () => {
    const a = videoFile(h.dir.path, 'rule-a.mp4', 800).path;
    const b = videoFile(h.dir.path, 'rule-b.mp4', 800).path;
    const { jobIds } = await api.invoke('jobs.add', {
      uploads: [
        { file: a, channelId: alice, metadata: metadata({ title: 'Short' }) },
        { file: b, channelId: alice, metadata: metadata({ title: 'x'.repeat(95) }) },
      ],
    });
    await refused(
      api.invoke('jobs.update', { ids: jobIds, patch: { title: 'y'.repeat(101) } }),
      /title.*101/,
    );
    assert.deepEqual(
      jobIds.map((id) => h.core.services.uploads.get(id).title),
      ['Short', 'x'.repeat(95)],
    );
  });

  test('a job that failed for its details goes back to the queue once they are fixed', async () => {
    const file = videoFile(h.dir.path, 'bad-title.mp4', 800).path;
    const [id] = h.core.services.uploads.enqueue({
      file,
      channelIds: [alice],
      metadata: metadata({ title: 'has <angle> brackets' }),
      thumbnail: null,
      source: { kind: 'cli' },
    });
    assert.equal(h.core.services.uploads.get(id!).state, 'failed');
    const [fixed] = await api.invoke('jobs.update', {
      ids: [id!],
      patch: { title: 'No brackets' },
    });
    assert.equal(fixed?.state, 'queued');
    assert.equal(fixed?.error, null);
  });

  test('only failed or cancelled jobs can be removed; removing says so to every window', async () => {
    const file = videoFile(h.dir.path, 'remove.mp4', 800).path;
    const { jobIds } = await api.invoke('jobs.add', {
      uploads: [{ file, channelId: alice, metadata: metadata({ title: 'Remove me' }) }],
    });
    const id = jobIds[0] as string;
    await refused(api.invoke('jobs.remove', { ids: [id] }), /only failed or cancelled/);
    await api.invoke('jobs.cancel', { id });
    const seen: string[][] = [];
    const off = api.on('jobs.removed', (p) => seen.push(p.ids));
    assert.deepEqual((await api.invoke('jobs.remove', { ids: [id] })).removed, [id]);
    off();
    assert.deepEqual(seen, [[id]]);
    assert.equal(
      h.core.services.uploads.list().some((j) => j.id === id),
      false,
    );
  });

  test('moving a job changes the order the engine starts jobs in', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const file = videoFile(h.dir.path, `order-${n}.mp4`, 500).path;
      const { jobIds } = await api.invoke('jobs.add', {
        uploads: [{ file, channelId: aliceBrand, metadata: metadata({ title: `Order ${n}` }) }],
      });
      ids.push(jobIds[0] as string);
    }
    const mine = (order: string[]) => order.filter((id) => ids.includes(id));
    assert.deepEqual(mine((await api.invoke('jobs.move', { id: ids[2]!, to: 'up' })).order), [
      ids[0],
      ids[2],
      ids[1],
    ]);
    const { order } = await api.invoke('jobs.move', { id: ids[1]!, to: 'top' });
    assert.equal(order[0], ids[1]);
    assert.equal(h.core.services.uploads.repo.candidates()[0]?.id, ids[1]);
    assert.deepEqual(
      mine(h.core.services.uploads.list().map((j) => j.id)),
      [ids[1], ids[0], ids[2]],
      'jobs.list follows the queue order',
    );
  });
});

describe('a job timeline through a real upload', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  test('queued, started, session, uploaded, done, in that order', async () => {
    const file = videoFile(h.dir.path, 'timeline.mp4', 600 * 1024).path;
    const [id] = h.core.services.uploads.enqueue({
      file,
      channelIds: [alice],
      metadata: metadata({ title: 'Timeline' }),
      thumbnail: null,
      source: { kind: 'ui' },
    });
    const job = await waitForState(h.core, id!, ['done', 'failed']);
    assert.equal(job.state, 'done');
    const kinds = h.core.services.uploads.timeline.list(id!).map((e) => e.kind);
    assert.deepEqual(kinds.slice(0, 3), ['queued', 'started', 'session']);
    assert.equal(kinds.at(-1), 'done');
    assert.match(
      h.core.services.uploads.timeline.list(id!).at(-1)?.message ?? '',
      new RegExp(`youtu\\.be/${job.videoId}`),
    );
  });

  test("the channel's own playlists come from YouTube, cached, one quota unit a page", async () => {
    const extras = h.core.services.channelExtras;
    const lists = await extras.playlists(alice);
    assert.deepEqual(
      lists.map((p) => [p.id, p.title, p.privacy]),
      [
        ['PLalice000000000000000000000000001', 'Weeknight dinners', 'public'],
        ['PLalice000000000000000000000000002', 'Drafts', 'private'],
      ],
    );
    const brand = await extras.playlists(aliceBrand);
    assert.deepEqual(
      brand.map((p) => p.title),
      ['Trips'],
    );
    const used = () =>
      h.sandbox.inspect.state().quota.find((q) => q.projectId === h.sandbox.defaultClient.projectId)
        ?.used;
    const before = used();
    await extras.playlists(alice);
    assert.equal(used(), before, 'the second read is cached: YouTube is not asked again');
    await extras.playlists(alice, true);
    assert.equal(used(), (before ?? 0) + 1, 'a refresh asks again, for 1 unit');
  });
});
