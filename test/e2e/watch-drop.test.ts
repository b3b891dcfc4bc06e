import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EngineConnection } from '../../src-main/engine-process/engine-client.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import {
  dropFiles,
  openServeInChromium,
  type ServeInChromium,
} from './support/serve-in-chromium.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';
const TRAVELS = 'UCalicebrand00000000000b';

// A 1x1 PNG, so the preview's <img> really decodes (and the CSP's blob: rule is exercised).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describe('dropping videos and thumbnails onto the window, in Chromium', { skip }, () => {
  const dir = tempDir();
  const videos = join(dir.path, 'videos');
  const exports = join(dir.path, 'exports');
  const data = join(dir.path, 'data');
  let ui: ServeInChromium | undefined;
  let engine: EngineConnection;
  let page: Page;
  const video = Buffer.from('not really a video, but the engine only needs its name and size');

  beforeAll(async () => {
    mkdirSync(videos);
    mkdirSync(exports);
    writeFileSync(join(videos, 'ep12.mp4'), video);
    writeFileSync(join(videos, 'ep12.png'), PNG);
    ui = await openServeInChromium(dir.path, data, {
      channels: [COOKS, TRAVELS],
      folders: [{ path: videos, channelIds: [COOKS] }],
    });
    ({ engine, page } = ui);
  });
  afterAll(async () => {
    await ui?.close();
    dir.remove();
  });

  test('the preview pairs the video with its thumbnail, lets the title be edited, and queues it', async () => {
    await dropFiles(page, [
      { name: 'ep12.mp4', bytes: video, type: 'video/mp4' },
      { name: 'ep12.png', bytes: PNG, type: 'image/png' },
    ]);
    const preview = page.getByTestId('drop-preview');
    await preview.waitFor();
    assert.equal(await preview.getByTestId('drop-row').count(), 1);
    // A browser has no path: the engine found the dropped name in the watched folder, and says so.
    await preview
      .getByTestId('drop-found')
      .filter({ hasText: join(videos, 'ep12.mp4') })
      .waitFor();
    const thumb = preview.getByRole('img', { name: 'Thumbnail ep12.png' });
    await thumb.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('img.thumb') as HTMLImageElement | null)?.naturalWidth === 1,
    );
    const title = preview.getByLabel('Title for ep12.mp4');
    assert.equal(await title.inputValue(), 'ep12');
    await title.fill('Episode 12');
    await preview.getByRole('checkbox', { name: 'Alice Cooks' }).check();
    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview.getByTestId('drop-result').filter({ hasText: 'Queued 1' }).waitFor();

    const jobs = await engine.api.invoke('jobs.list', {});
    const job = jobs.find((j) => j.file === join(videos, 'ep12.mp4'));
    assert.ok(job, 'a job for the watched file');
    assert.equal(job.channelId, COOKS);
    await preview.getByRole('button', { name: 'Close' }).click();
    await preview.waitFor({ state: 'detached' });
  });

  test('dropping the same video again does not queue it twice', async () => {
    await dropFiles(page, [{ name: 'ep12.mp4', bytes: video, type: 'video/mp4' }]);
    const preview = page.getByTestId('drop-preview');
    const cooks = preview.getByRole('checkbox', { name: 'Alice Cooks' });
    assert.equal(await cooks.isChecked(), true, 'the channels picked for the last drop stay');
    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview
      .getByTestId('drop-result')
      .filter({ hasText: `already queued on ${COOKS}` })
      .waitFor();
    await preview.getByRole('button', { name: 'Close' }).click();
  });

  test('a file the engine cannot read gets a clear answer, not a silent upload', async () => {
    await dropFiles(page, [{ name: 'elsewhere.mp4', bytes: video, type: 'video/mp4' }]);
    const preview = page.getByTestId('drop-preview');
    // Said before anything is typed: this one is in no watched folder.
    await preview
      .getByTestId('drop-not-found')
      .getByText(/in no watched folder/)
      .waitFor();
    await preview.getByRole('checkbox', { name: 'Alice Cooks' }).check();
    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview.getByTestId('drop-result').filter({ hasText: 'watched folder' }).waitFor();
    // A dialog as it should be: Escape closes it.
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
  });

  test('the Folders screen shows the folder, its channel by title, and its offer', async () => {
    await page.getByRole('button', { name: 'Folders', exact: true }).click();
    const card = page.getByTestId('folder-card').filter({ hasText: videos });
    await card.getByText('Alice Cooks').waitFor();
    await card.getByRole('button', { name: 'Only new ones' }).click();
    await card.getByRole('button', { name: 'Only new ones' }).waitFor({ state: 'detached' });
  });

  test('in a browser tab a folder is added by its server path and channels ticked by title', async () => {
    const form = page.getByRole('form', { name: 'Add a folder' });
    // No native dialog in a browser: a path field, with a hint about whose disk it is.
    const path = form.getByLabel('Folder path');
    await form.getByText('A path on the machine running Dropline').waitFor();
    const watch = form.getByRole('button', { name: 'Watch this folder' });
    await path.fill(exports);
    assert.equal(await watch.isDisabled(), true, 'no channel ticked yet');
    await form.getByRole('checkbox', { name: 'Alice Travels' }).check();
    await watch.click();
    await page.getByTestId('folder-card').filter({ hasText: exports }).waitFor();
    assert.equal(await path.inputValue(), '');
    assert.equal(await form.getByRole('checkbox', { name: 'Alice Travels' }).isChecked(), false);

    const folders = await engine.api.invoke('folders.list', {});
    assert.deepEqual(folders.find((f) => f.path === exports)?.channelIds, [TRAVELS]);
  });

  test("a folder card changes the folder's channels", async () => {
    const card = page.getByTestId('folder-card').filter({ hasText: videos });
    await card.getByRole('button', { name: 'Change channels' }).click();
    const editor = card.getByRole('group', { name: 'Channels of this folder' });
    const save = editor.getByRole('button', { name: 'Save channels' });
    assert.equal(await editor.getByRole('checkbox', { name: 'Alice Cooks' }).isChecked(), true);
    assert.equal(await save.isDisabled(), true, 'nothing changed yet');
    await editor.getByRole('checkbox', { name: 'Alice Cooks' }).uncheck();
    assert.equal(await save.isDisabled(), true, 'a folder needs at least one channel');
    await editor.getByRole('checkbox', { name: 'Alice Travels' }).check();
    await save.click();
    await editor.waitFor({ state: 'detached' });
    await card.getByText('Alice Travels').waitFor();

    const folders = await engine.api.invoke('folders.list', {});
    assert.deepEqual(folders.find((f) => f.path === videos)?.channelIds, [TRAVELS]);
  });
});
