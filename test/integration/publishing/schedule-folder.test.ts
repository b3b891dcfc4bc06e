import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { wallTimeAt } from '../../../src-shared/publishing/zoned-time.ts';
import { isFinalJobState } from '../../../src-shared/domain/job.ts';
import {
  alice,
  aliceBrand,
  metadata,
  startHarness,
  videoFile,
  waitForJobs,
  type Harness,
} from '../../helpers/upload-harness.ts';

const daily = {
  rrule: 'FREQ=DAILY;BYHOUR=15;BYMINUTE=0',
  tz: 'Europe/Berlin',
  start: null,
  exceptions: [],
};

describe('a watched folder on its channel schedule, against the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ core: { videoProbe: null } });
  });
  afterAll(async () => h.close());

  test('two videos take the next two slots, byte-exact, with the publishAt Google receives', async () => {
    const startedAt = Date.now();
    h.core.services.schedules.set(alice, daily);
    const folder = join(h.dir.path, 'scheduled');
    mkdirSync(folder);
    await h.core.services.watch.add({
      path: folder,
      channelIds: [alice],
      recursive: false,
      polling: false,
      enabled: true,
      stabilitySeconds: 0.05,
      schedule: 'channel',
      template: { privacy: 'public' },
    });
    const a = videoFile(folder, 'ep1.mp4', 300_000);
    const b = videoFile(folder, 'ep2.mp4', 200_000);
    const jobs = await waitForJobs(
      h.core,
      (all) =>
        all.filter((j) => j.file.startsWith(folder)).length === 2 &&
        all.every((j) => isFinalJobState(j.state)),
    );
    const mine = jobs
      .filter((j) => j.file.startsWith(folder))
      .sort((x, y) => x.slotAt!.localeCompare(y.slotAt!));
    for (const j of mine) assert.equal(j.state, 'done', JSON.stringify(j.error));
    const [first, second] = mine.map((j) => Date.parse(j.slotAt!)) as [number, number];
    // The next two 15:00s in Berlin after the schedule was set: a day apart, the first within a day.
    assert.ok(first > startedAt && first - startedAt <= 86_400_000 + 3_600_000);
    assert.equal(wallTimeAt(first, 'Europe/Berlin').hour, 15);
    assert.equal(wallTimeAt(second, 'Europe/Berlin').hour, 15);
    assert.ok(second - first >= 23 * 3_600_000 && second - first <= 25 * 3_600_000);
    for (const [job, file] of [
      [mine[0]!, mine[0]!.file.endsWith('ep1.mp4') ? a : b],
      [mine[1]!, mine[1]!.file.endsWith('ep1.mp4') ? a : b],
    ] as const) {
      const video = h.sandbox.inspect.video(job.videoId!);
      assert.ok(video);
      assert.equal(video.sha256, file.sha256, 'byte-exact');
      // Private until the slot, whatever the folder template said.
      assert.equal(video.status.privacyStatus, 'private');
      assert.equal(video.status.publishAt, job.slotAt);
    }
    const slots = h.core.services.schedules.slots(alice, 3);
    assert.deepEqual(
      slots
        .slice(0, 2)
        .map((s) => s.jobId)
        .sort(),
      mine.map((j) => j.id).sort(),
    );
    assert.equal(slots[2]?.jobId, null);
  });

  test('a cancelled job frees its slot for the next video; the schedule view shows who fills which', async () => {
    h.core.services.schedules.set(aliceBrand, daily);
    h.core.services.uploads.pauseChannel(aliceBrand);
    const one = videoFile(h.dir.path, 'slot-a.mp4', 1000);
    const two = videoFile(h.dir.path, 'slot-b.mp4', 1000);
    const [first] = h.core.services.uploads.enqueue({
      file: one.path,
      channelIds: [aliceBrand],
      metadata: metadata({ title: 'A' }),
      thumbnail: null,
      source: { kind: 'cli' },
      schedule: 'channel',
    });
    const slotOfFirst = h.core.services.uploads.get(first!).slotAt;
    h.core.services.uploads.cancel(first!);
    const [second] = h.core.services.uploads.enqueue({
      file: two.path,
      channelIds: [aliceBrand],
      metadata: metadata({ title: 'B' }),
      thumbnail: null,
      source: { kind: 'cli' },
      schedule: 'channel',
    });
    assert.equal(
      h.core.services.uploads.get(second!).slotAt,
      slotOfFirst,
      'the freed slot is taken again',
    );
    const view = h.core.services.schedules.slots(aliceBrand, 2);
    assert.equal(view[0]?.jobId, second);
    assert.equal(view[0]?.title, 'B');
    // Moving it to the next slot frees the first again.
    const moved = h.core.services.schedules.move(second!, view[1]!.at);
    assert.equal(moved.slotAt, view[1]!.at);
    assert.equal(moved.metadata.publishAt, view[1]!.at);
    assert.equal(h.core.services.schedules.slots(aliceBrand, 2)[0]?.jobId, null);
    h.core.services.uploads.cancel(second!);
    h.core.services.uploads.resumeChannel(aliceBrand);
  });

  test('an upload asking for a schedule on a channel without one is refused before anything is queued', () => {
    h.core.services.schedules.clear(aliceBrand);
    const file = videoFile(h.dir.path, 'no-schedule.mp4', 1000);
    const before = h.core.services.uploads.list().length;
    assert.throws(
      () =>
        h.core.services.uploads.enqueue({
          file: file.path,
          channelIds: [aliceBrand],
          metadata: {
            ...h.core.services.uploads.get(h.core.services.uploads.list()[0]!.id).metadata,
            publishAt: null,
          },
          thumbnail: null,
          source: { kind: 'cli' },
          schedule: 'channel',
        }),
      /channel UCalicebrand00000000000b has no publishing schedule/,
    );
    assert.equal(h.core.services.uploads.list().length, before);
  });
});
