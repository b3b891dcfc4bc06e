import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EngineConnection } from '../../src-main/engine-process/engine-client.ts';
import type { GoogleSandbox } from '../fakes/google-sandbox/index.ts';
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

describe('the drop preview has the Studio upload details, in Chromium', { skip }, () => {
  const dir = tempDir();
  const videos = join(dir.path, 'videos');
  const data = join(dir.path, 'data');
  let ui: ServeInChromium | undefined;
  let sandbox: GoogleSandbox;
  let engine: EngineConnection;
  let page: Page;
  let pageErrors: string[];
  const soup = randomBytes(300_000);
  const stew = randomBytes(200_000);
  const jobCount = async () => (await engine.api.invoke('jobs.list', {})).length;

  beforeAll(async () => {
    mkdirSync(videos);
    writeFileSync(join(videos, 'soup.mp4'), soup);
    writeFileSync(join(videos, 'stew.mp4'), stew);
    ui = await openServeInChromium(dir.path, data, {
      channels: [COOKS, TRAVELS],
      folders: [{ path: videos, channelIds: [COOKS] }],
      viewport: { width: 1366, height: 850 },
    });
    ({ sandbox, engine, page, pageErrors } = ui);
  });
  afterAll(async () => {
    await ui?.close();
    dir.remove();
  });

  test('a blank title is refused in the preview, and no job is made', async () => {
    await dropFiles(page, [{ name: 'stew.mp4', bytes: stew, type: 'video/mp4' }]);
    const preview = page.getByTestId('drop-preview');
    await preview.getByTestId('drop-found').filter({ hasText: 'stew.mp4' }).waitFor();
    await preview.getByRole('checkbox', { name: 'Alice Cooks' }).check();
    await preview.getByLabel('Title for stew.mp4').fill('   ');
    await preview.getByText('The title is blank').waitFor();
    const queue = preview.getByRole('button', { name: 'Queue' });
    assert.equal(await queue.isDisabled(), true);
    // Keyboard too: Enter on the disabled button does nothing.
    await queue.press('Enter').catch(() => undefined);
    assert.equal(await jobCount(), 0, 'no job was made');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    assert.equal(await jobCount(), 0);
    assert.deepEqual(pageErrors, []);
  });

  test('description, tags, visibility and a channel with its own details reach YouTube as sent', async () => {
    await dropFiles(page, [{ name: 'soup.mp4', bytes: soup, type: 'video/mp4' }]);
    const preview = page.getByTestId('drop-preview');
    await preview
      .getByTestId('drop-found')
      .filter({ hasText: join(videos, 'soup.mp4') })
      .waitFor();
    await preview.getByLabel('Title for soup.mp4').fill('Winter soup 🍲');
    assert.match(await preview.getByTestId('field-count').first().innerText(), /^13 \/ 100/);
    await preview.getByRole('textbox', { name: 'Description' }).fill('A bowl for cold nights.');
    const tags = preview.getByLabel('Tags', { exact: true });
    await tags.fill('soup');
    await tags.press('Enter');
    await tags.fill('winter food');
    await tags.press('Enter');
    await preview
      .getByTestId('field-count')
      .filter({ hasText: /^18 \/ 500/ })
      .waitFor();
    await preview.getByLabel('Visibility').selectOption('unlisted');
    await preview.getByLabel('Category').selectOption('26');
    await preview.getByRole('checkbox', { name: 'Alice Cooks' }).check();
    await preview.getByRole('checkbox', { name: 'Alice Travels' }).check();
    const cooks = preview.getByRole('group', { name: 'Details for Alice Cooks' });
    await cooks.getByLabel('Playlist on Alice Cooks').click();
    await page.getByRole('option', { name: 'Weeknight dinners (public)' }).click();
    const travels = preview.getByRole('group', { name: 'Details for Alice Travels' });
    await travels.getByRole('switch', { name: 'Own details on Alice Travels' }).check();
    await travels.getByRole('textbox', { name: 'Title' }).fill('Soup on the road');
    await travels.getByLabel('Visibility').selectOption('public');
    await travels.getByRole('radio', { name: 'Yes, altered or synthetic' }).check();

    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview.getByTestId('drop-result').filter({ hasText: 'Queued 2' }).waitFor();
    await preview.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await page
      .locator('[data-testid="job-row"][data-state="done"]')
      .nth(1)
      .waitFor({ timeout: 60_000 });

    const [atCooks] = sandbox.inspect.channel(COOKS).videos;
    assert.equal(atCooks?.snippet.title, 'Winter soup 🍲');
    assert.equal(atCooks?.snippet.description, 'A bowl for cold nights.');
    assert.deepEqual(atCooks?.snippet.tags, ['soup', 'winter food']);
    assert.equal(atCooks?.snippet.categoryId, '26');
    assert.equal(atCooks?.status.privacyStatus, 'unlisted');
    assert.equal(atCooks?.status.containsSyntheticMedia, false);
    assert.deepEqual(atCooks?.playlistIds, ['PLalice000000000000000000000000001']);
    assert.equal(atCooks?.byteLength, soup.length);

    const [atTravels] = sandbox.inspect.channel(TRAVELS).videos;
    assert.equal(atTravels?.snippet.title, 'Soup on the road');
    assert.equal(atTravels?.snippet.description, 'A bowl for cold nights.');
    assert.deepEqual(atTravels?.snippet.tags, ['soup', 'winter food']);
    assert.equal(atTravels?.status.privacyStatus, 'public');
    assert.equal(atTravels?.status.containsSyntheticMedia, true);
    assert.deepEqual(pageErrors, []);
  });

  test('a video added from a folder makes it the last-used one: a drop from there is found and queued', async () => {
    const exports = join(dir.path, 'exports');
    mkdirSync(exports);
    const first = join(exports, 'take1.mp4');
    writeFileSync(first, randomBytes(100_000));
    const take2 = randomBytes(120_000);
    writeFileSync(join(exports, 'take2.mp4'), take2);
    await page.getByRole('button', { name: 'Add upload', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add upload' });
    await form.getByLabel('Video files').fill(first);
    await form.getByText('1 video ready').waitFor();
    await form.getByRole('checkbox', { name: 'Alice Travels' }).check();
    await form.getByRole('button', { name: 'Add to queue' }).click();
    await form.waitFor({ state: 'detached' });

    await dropFiles(page, [{ name: 'take2.mp4', bytes: take2, type: 'video/mp4' }]);
    const preview = page.getByTestId('drop-preview');
    await preview
      .getByTestId('drop-found')
      .filter({ hasText: `Found at ${join(exports, 'take2.mp4')} (last used folder)` })
      .waitFor();
    await preview.getByLabel('Title for take2.mp4').fill('Take two');
    await preview.getByRole('checkbox', { name: 'Alice Cooks' }).uncheck();
    await preview.getByRole('button', { name: 'Queue' }).click();
    await preview.getByTestId('drop-result').filter({ hasText: 'Queued 1' }).waitFor();
    await preview.getByRole('button', { name: 'Close' }).click();
    await page
      .locator('[data-testid="job-row"][data-state="done"]')
      .nth(3)
      .waitFor({ timeout: 60_000 });
    const atTravels = sandbox.inspect
      .channel(TRAVELS)
      .videos.find((v) => v.snippet.title === 'Take two');
    assert.equal(atTravels?.byteLength, take2.length);
    assert.deepEqual(pageErrors, []);
  });
});
