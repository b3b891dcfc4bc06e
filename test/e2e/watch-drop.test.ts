import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { connectToEngine, type EngineConnection } from '../../src-main/headless/engine-client.ts';
import { browserSkipReason, launchChromium } from '../helpers/browser.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserSkipReason();

// A 1x1 PNG, so the preview's <img> really decodes (and the CSP's blob: rule is exercised).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Drops files onto the window the way a browser does: a DataTransfer on dragover + drop. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer; type: string }[]) {
  await page.evaluate(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list)
        dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    files.map((f) => ({ ...f, bytes: [...f.bytes] })),
  );
}

describe('dropping videos and thumbnails onto the window, in Chromium', { skip }, () => {
  const dir = tempDir();
  const videos = join(dir.path, 'videos');
  const data = join(dir.path, 'data');
  let serve: ServeProcess;
  let engine: EngineConnection;
  let browser: Browser;
  let page: Page;
  const video = Buffer.from('not really a video, but the engine only needs its name and size');

  before(async () => {
    mkdirSync(videos);
    writeFileSync(join(videos, 'ep12.mp4'), video);
    writeFileSync(join(videos, 'ep12.png'), PNG);
    serve = await startServeProcess({ dataDir: data });
    const info = JSON.parse(readFileSync(join(data, 'service.json'), 'utf8'));
    engine = await connectToEngine(info.url, info.token);
    await engine.api.invoke('folders.add', { path: videos, channelIds: ['UC_watch'] });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(serve.openUrl);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  });
  after(async () => {
    engine?.close();
    await browser?.close();
    await serve?.stop();
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
    const thumb = preview.getByRole('img', { name: 'Thumbnail ep12.png' });
    await thumb.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('img.thumb') as HTMLImageElement | null)?.naturalWidth === 1,
    );
    const title = preview.getByLabel('Title for ep12.mp4');
    assert.equal(await title.inputValue(), 'ep12');
    await title.fill('Episode 12');
    await preview.locator('input[name="drop-channels"]').fill('UC_watch');
    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview.getByTestId('drop-result').filter({ hasText: 'Queued 1' }).waitFor();

    const jobs = await engine.api.invoke('jobs.list', {});
    const job = jobs.find((j) => j.file === join(videos, 'ep12.mp4'));
    assert.ok(job, 'a job for the watched file');
    assert.equal(job.channelId, 'UC_watch');
    await preview.getByRole('button', { name: 'Close' }).click();
    await preview.waitFor({ state: 'detached' });
  });

  test('dropping the same video again does not queue it twice', async () => {
    await dropFiles(page, [{ name: 'ep12.mp4', bytes: video, type: 'video/mp4' }]);
    const preview = page.getByTestId('drop-preview');
    await preview.locator('input[name="drop-channels"]').fill('UC_watch');
    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview
      .getByTestId('drop-result')
      .filter({ hasText: 'already queued on UC_watch' })
      .waitFor();
    await preview.getByRole('button', { name: 'Close' }).click();
  });

  test('a file the engine cannot read gets a clear answer, not a silent upload', async () => {
    await dropFiles(page, [{ name: 'elsewhere.mp4', bytes: video, type: 'video/mp4' }]);
    const preview = page.getByTestId('drop-preview');
    await preview.locator('input[name="drop-channels"]').fill('UC_watch');
    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview.getByTestId('drop-result').filter({ hasText: 'watched folder' }).waitFor();
    await preview.getByRole('button', { name: 'Close' }).click();
  });

  test('the Folders screen shows the folder and its offer', async () => {
    await page.getByRole('button', { name: 'Folders', exact: true }).click();
    const card = page.getByTestId('folder-card');
    await card.filter({ hasText: videos }).waitFor();
    await card.getByRole('button', { name: 'Only new ones' }).click();
    await card.getByRole('button', { name: 'Only new ones' }).waitFor({ state: 'detached' });
  });
});
