import { afterAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { WatchHarness, until } from './watch-harness.ts';

const harnesses: WatchHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.dispose();
});

async function watching(stabilitySeconds = 0.4, clock?: FakeClock) {
  const h = new WatchHarness(null, clock);
  harnesses.push(h);
  mkdirSync(h.dir);
  h.open();
  const folder = await h.service.add({
    path: h.dir,
    channelIds: ['UC_a'],
    recursive: true,
    polling: false,
    enabled: true,
    stabilitySeconds,
    template: { title: '{folder} #{n}: {filename}', privacy: 'unlisted' },
  });
  return { h, folder };
}

const item = (h: WatchHarness, folderId: string, path: string) =>
  h.service.items(folderId).find((i) => i.path === path);

describe('watched videos with thumbnails and sidecars', () => {
  test('a thumbnail arriving after its video, within the window, still pairs', async () => {
    // The window runs on a fake clock: the thumbnail comes 300 ms (of its time) after the video,
    // however long this machine takes between the two writes.
    const clock = new FakeClock(Date.now());
    const { h } = await watching(1.5, clock);
    const timersBefore = clock.pending;
    h.write('ep12.mp4');
    await until(() => clock.pending > timersBefore, 'the video is in the stability window');
    await clock.advance(300);
    h.write('ep12_thumb.jpg', 'jpeg');
    const [upload] = await until(async () => {
      await clock.advance(100);
      return h.uploads().length ? h.uploads() : null;
    }, 'queued');
    assert.equal(upload?.thumbnail, join(h.dir, 'ep12_thumb.jpg'));
  });

  test('the folder template fills {folder}, {n} and {filename}', async () => {
    const { h } = await watching();
    mkdirSync(join(h.dir, 'Season 2'));
    h.write('Season 2/intro.mp4');
    const [upload] = await until(() => (h.uploads().length ? h.uploads() : null), 'queued');
    assert.equal(upload?.title, 'Season 2 #1: intro');
  });

  test('a sidecar gives the metadata; an invalid one makes the video wait with file, line and field', async () => {
    const { h, folder } = await watching();
    h.write('ep1.yaml', 'title: Pilot\nprivacy: publik\n');
    h.write('ep1.mp4');
    const waiting = await until(() => item(h, folder.id, 'ep1.mp4')?.problem, 'waiting');
    assert.equal(waiting.code, 'invalid_sidecar');
    assert.match(waiting.message, /^ep1\.yaml, line 2, field "privacy"/);
    assert.equal(h.uploads().length, 0);
    writeFileSync(join(h.dir, 'ep1.yaml'), 'title: Pilot\nprivacy: public\n');
    await h.service.retry(item(h, folder.id, 'ep1.mp4')!.id);
    const [upload] = await until(() => (h.uploads().length ? h.uploads() : null), 'queued');
    assert.equal(upload?.title, 'Pilot');
  });

  test('a txt sidecar: first line the title', async () => {
    const { h } = await watching();
    h.write('ep2.txt', 'Second episode\nAll about it.');
    h.write('ep2.mp4');
    const [upload] = await until(() => (h.uploads().length ? h.uploads() : null), 'queued');
    assert.equal(upload?.title, 'Second episode');
  });

  test('an ambiguous thumbnail waits for the user; their choice is used', async () => {
    const { h, folder } = await watching();
    h.write('ep3.jpg', 'a');
    h.write('ep3.png', 'b');
    h.write('ep3.mp4');
    const problem = await until(() => item(h, folder.id, 'ep3.mp4')?.problem, 'waiting');
    assert.equal(problem.code, 'ambiguous_thumbnail');
    assert.deepEqual([...problem.candidates].sort(), ['ep3.jpg', 'ep3.png']);
    assert.equal(h.uploads().length, 0);
    await h.service.chooseThumbnail(item(h, folder.id, 'ep3.mp4')!.id, 'ep3.png');
    const [upload] = await until(() => (h.uploads().length ? h.uploads() : null), 'queued');
    assert.equal(upload?.thumbnail, join(h.dir, 'ep3.png'));
  });

  test('"upload again" is the only way to queue a video a second time', async () => {
    const { h, folder } = await watching();
    h.write('ep4.mp4');
    await until(() => h.uploads().length === 1, 'queued once');
    await h.service.uploadAgain(item(h, folder.id, 'ep4.mp4')!.id);
    assert.equal(h.uploads().length, 2);
    assert.equal(item(h, folder.id, 'ep4.mp4')?.jobIds.length, 2);
  });
});
