import { afterAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, statSync, utimesSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { bundledFfprobePath } from '../../../src-main/tools/bundled-ffprobe.ts';
import { findFfprobe } from '../../../src-main/watch/video-probe.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { WatchHarness, until } from './watch-harness.ts';

/** A real 2-second MP4 (moov at the end: any partial copy is unreadable). */
const MP4 = readFileSync(new URL('../../fixtures/two-seconds.mp4', import.meta.url));

const harnesses: WatchHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.dispose();
});

async function started(
  opts: { stabilitySeconds?: number; probe?: boolean; clock?: FakeClock } = {},
) {
  // The ffprobe shipped with Dropline: the stable gate's probe is tested on every machine.
  const probe = opts.probe ? await findFfprobe(bundledFfprobePath() ?? 'missing') : null;
  if (opts.probe) assert.ok(probe, 'the bundled ffprobe runs');
  const h = new WatchHarness(probe, opts.clock);
  harnesses.push(h);
  mkdirSync(h.dir);
  return h;
}

async function addFolder(h: WatchHarness, stabilitySeconds = 0.3) {
  return h.service.add({
    path: h.dir,
    channelIds: ['UC_a', 'UC_b'],
    recursive: true,
    polling: false,
    enabled: true,
    stabilitySeconds,
  });
}

/** Adds a marker video and waits for it: anything that would be re-queued is queued by then. */
async function settle(h: WatchHarness, name: string) {
  h.write(name);
  await until(() => h.uploads().some((u) => u.file.endsWith(name)), `${name} queued`);
}

describe('watched folders', () => {
  test('files already there are offered, not uploaded; "only new" skips them, new files go', async () => {
    const h = await started();
    h.write('old1.mp4');
    h.write('old2.mp4');
    h.open();
    const folder = await addFolder(h);
    assert.equal(folder.counts.offered, 2);
    await settle(h, 'new1.mp4');
    assert.deepEqual(
      h.uploads().map((u) => u.file.slice(h.dir.length + 1)),
      ['new1.mp4', 'new1.mp4'],
    );
    const after = await h.service.resolveOffer(folder.id, 'only_new');
    assert.equal(after.counts.offered, 0);
    await settle(h, 'new2.mp4');
    assert.equal(h.uploads().filter((u) => u.file.includes('old')).length, 0);
  });

  test('"upload existing" queues the offered files once per channel', async () => {
    const h = await started();
    h.write('old.mp4');
    h.open();
    const folder = await addFolder(h);
    await h.service.resolveOffer(folder.id, 'upload_existing');
    await until(() => h.uploads().length === 2, 'old.mp4 queued on both channels');
    assert.deepEqual(
      h
        .uploads()
        .map((u) => u.channelId)
        .sort(),
      ['UC_a', 'UC_b'],
    );
  });

  test('a video written slowly over 10 s is not taken before it is complete', async () => {
    // The window (1.5 s) and the pauses between writes (0.5 s) are on a fake clock: however
    // slow this machine, the file is never quiet for a whole window until it is complete.
    const clock = new FakeClock(Date.now());
    const h = await started({ probe: true, clock });
    const bytes = MP4;
    h.open();
    await addFolder(h, 1.5);
    const file = join(h.dir, 'slow.mp4');
    const handle = await open(file, 'w');
    const chunks = 20;
    const step = Math.ceil(bytes.length / chunks);
    for (let i = 0; i < chunks; i++) {
      await handle.write(bytes.subarray(i * step, (i + 1) * step));
      await handle.sync();
      assert.equal(h.uploads().length, 0, `queued after chunk ${i + 1} of ${chunks}`);
      await clock.advance(500);
    }
    await handle.close();
    const finalSize = statSync(file).size;
    // Only the fake clock moves the window on; the real-time bound just ends a hung test.
    await until(async () => {
      await clock.advance(500);
      return h.uploads().length === 2;
    }, 'slow.mp4 queued');
    const prints = h.db.prepare('SELECT DISTINCT size FROM watch_fingerprints').pluck().all();
    assert.deepEqual(prints, [finalSize]);
  });

  test('restart, rename, touch and rescan never queue a video twice', async () => {
    const h = await started();
    h.open();
    await addFolder(h);
    await settle(h, 'ep1.mp4');
    assert.equal(h.uploads().length, 2);

    await h.close();
    h.open();
    await h.service.ready();
    await settle(h, 'marker1.mp4');

    renameSync(join(h.dir, 'ep1.mp4'), join(h.dir, 'episode-1.mp4'));
    await settle(h, 'marker2.mp4');

    const t = new Date(Date.now() + 60_000);
    utimesSync(join(h.dir, 'episode-1.mp4'), t, t);
    await settle(h, 'marker3.mp4');

    mkdirSync(join(h.dir, 'sub'));
    renameSync(join(h.dir, 'episode-1.mp4'), join(h.dir, 'sub', 'episode-1.mp4'));
    await h.close();
    h.open();
    await h.service.ready();
    // The watcher lists a tree a level at a time: a marker beside the moved file (not at the top,
    // which can be done before sub/ is listed), and then the moved file itself, recognised.
    await settle(h, join('sub', 'marker4.mp4'));
    const [folder] = h.service.list();
    await until(
      () =>
        h.service
          .items(folder!.id)
          .some((i) => i.path === 'sub/episode-1.mp4' && i.state === 'queued'),
      'sub/episode-1.mp4 recognised as queued',
    );

    const episodes = h.uploads().filter((u) => /ep(isode-)?1\.mp4$/.test(u.file));
    assert.equal(episodes.length, 2, 'one upload per channel, ever');
  });

  test('a folder that disappears goes offline and resumes without uploading again', async () => {
    const h = await started();
    h.write('offered.mp4');
    h.open();
    const folder = await addFolder(h);
    await settle(h, 'ep1.mp4');
    const away = `${h.dir}-unplugged`;
    renameSync(h.dir, away);
    await until(() => h.service.list()[0]?.status === 'offline', 'offline');
    renameSync(away, h.dir);
    await until(() => h.service.list()[0]?.status === 'watching', 'watching again');
    await settle(h, 'ep2.mp4');
    const files = h.uploads().map((u) => u.file.slice(h.dir.length + 1));
    assert.deepEqual(files.sort(), ['ep1.mp4', 'ep1.mp4', 'ep2.mp4', 'ep2.mp4']);
    assert.equal(h.service.list()[0]?.counts.offered, 1, 'the offer is still waiting for the user');
    assert.equal(
      h.service.items(folder.id).find((i) => i.path === 'offered.mp4')?.state,
      'offered',
    );
  });

  test('temporary names are never taken; the finished name is', async () => {
    const h = await started();
    h.open();
    await addFolder(h);
    h.write('big.mp4.part');
    h.write('~$draft.mp4');
    h.write('.hidden.mp4');
    await settle(h, 'marker.mp4');
    assert.equal(h.uploads().length, 2);
    renameSync(join(h.dir, 'big.mp4.part'), join(h.dir, 'big.mp4'));
    await until(() => h.uploads().some((u) => u.file.endsWith('/big.mp4')), 'big.mp4 queued');
  });
});
