import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EngineConnection } from '../../src-main/engine-process/engine-client.ts';
import type { GoogleSandbox } from '../fakes/google-sandbox/index.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { openServeInChromium, type ServeInChromium } from './support/serve-in-chromium.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';
const TRAVELS = 'UCalicebrand00000000000b';

describe('The Studio-style Add upload form in Chromium', { skip }, () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let ui: ServeInChromium | undefined;
  let sandbox: GoogleSandbox;
  let engine: EngineConnection;
  let page: Page;
  let pageErrors: string[];
  const form = () => page.getByRole('form', { name: 'Add upload' });
  const file = (name: string, bytes = 200_000) => {
    const path = join(dir.path, name);
    writeFileSync(path, randomBytes(bytes));
    return path;
  };
  const jobCount = async () => (await engine.api.invoke('jobs.list', {})).length;

  beforeAll(async () => {
    // The engine's home is the test's folder: its file browser starts there.
    ui = await openServeInChromium(dir.path, data, {
      channels: [COOKS, TRAVELS],
      env: { HOME: dir.path },
      viewport: { width: 1366, height: 850 },
    });
    ({ sandbox, engine, page, pageErrors } = ui);
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await page.getByRole('button', { name: 'Add upload', exact: true }).click();
    await form().waitFor();
  });
  afterAll(async () => {
    await ui?.close();
    dir.remove();
  });

  test('a non-video, a missing file and a blank title are refused where they were typed; no job is made', async () => {
    const notes = file('notes.txt', 100);
    const f = form();
    await f.getByRole('checkbox', { name: 'Alice Cooks' }).check();
    const add = f.getByRole('button', { name: 'Add to queue' });
    await f.getByLabel('Video files').fill(notes);
    await f.getByTestId('file-problems').filter({ hasText: 'notes.txt' }).waitFor();
    assert.equal(await add.isDisabled(), true);

    await f.getByLabel('Video files').fill(join(dir.path, 'gone.mp4'));
    await f.getByTestId('file-problems').filter({ hasText: 'gone.mp4' }).waitFor();
    assert.equal(await add.isDisabled(), true);

    await f.getByLabel('Video files').fill(file('fine.mp4'));
    await f.getByText('1 video ready').waitFor();
    await f.getByRole('textbox', { name: 'Title' }).fill('   ');
    await f.getByText('The title is blank').waitFor();
    assert.equal(await add.isDisabled(), true);
    await f.getByRole('textbox', { name: 'Title' }).fill('x'.repeat(101));
    await f.getByText('The title is 101 characters; at most 100').waitFor();
    assert.match(await f.getByTestId('field-count').first().innerText(), /101 \/ 100/);
    assert.equal(await add.isDisabled(), true);
    assert.equal(await jobCount(), 0, 'no job was made');
    await f.getByRole('textbox', { name: 'Title' }).fill('');
    await f.getByRole('checkbox', { name: 'Alice Cooks' }).uncheck();
    await f.getByLabel('Video files').fill('');
    assert.deepEqual(pageErrors, []);
  });

  test('every detail, a channel playlist and a channel with its own details reach YouTube as sent', async () => {
    const video = file('Pasta night.mp4', 400_000);
    const thumb = join(dir.path, 'pasta.png');
    await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#c33' } })
      .png()
      .toFile(thumb);
    const f = form();
    await f.getByLabel('Video files').fill(video);
    await f.getByRole('checkbox', { name: 'Alice Cooks' }).check();
    await f.getByRole('checkbox', { name: 'Alice Travels' }).check();
    await f.getByRole('textbox', { name: 'Title' }).fill('Pasta in 10 minutes 🍝');
    assert.match(await f.getByTestId('field-count').first().innerText(), /^21 \/ 100/);
    await f.locator('textarea[name="description"]').fill('Weeknight pasta.');
    const tags = f.getByLabel('Tags', { exact: true });
    await tags.fill('pasta');
    await tags.press('Enter');
    await tags.fill('quick meals');
    await tags.press('Enter');
    // YouTube's count: pasta (5) + "quick meals" (11 + 2 quotes) + a comma.
    await f
      .getByTestId('field-count')
      .filter({ hasText: /^19 \/ 500/ })
      .waitFor();
    await f.locator('select[name="categoryId"]').selectOption('26');
    await f.locator('select[name="privacy"]').selectOption('unlisted');
    await f.getByRole('radio', { name: "Yes, it's made for kids" }).check();
    await f.getByLabel('Thumbnail').fill(thumb);
    await f.getByTestId('thumbnail-fit').filter({ hasText: 'Sent as it is' }).waitFor();
    await f.getByRole('img', { name: 'Thumbnail pasta.png' }).waitFor();

    const cooks = f.getByRole('group', { name: 'Details for Alice Cooks' });
    await cooks.getByLabel('Playlist on Alice Cooks').click();
    await page.getByRole('option', { name: 'Weeknight dinners (public)' }).click();
    const travels = f.getByRole('group', { name: 'Details for Alice Travels' });
    await travels.getByRole('switch', { name: 'Own details on Alice Travels' }).check();
    await travels.getByRole('textbox', { name: 'Title' }).fill('Pasta on the road');
    await travels.getByLabel('Visibility').selectOption('public');
    await travels.getByRole('radio', { name: "No, it's not made for kids" }).check();
    await travels.getByRole('radio', { name: 'Yes, altered or synthetic' }).check();

    await f.getByRole('button', { name: 'Add to queue' }).click();
    // Added: the dialog closes (its closing transition ends before the next test opens it again).
    await page.getByRole('dialog', { name: 'Add upload' }).waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="job-row"][data-state="done"]')
      .nth(1)
      .waitFor({ timeout: 60_000 });

    const [atCooks] = sandbox.inspect.channel(COOKS).videos;
    assert.equal(atCooks?.snippet.title, 'Pasta in 10 minutes 🍝');
    assert.equal(atCooks?.snippet.description, 'Weeknight pasta.');
    assert.deepEqual(atCooks?.snippet.tags, ['pasta', 'quick meals']);
    assert.equal(atCooks?.snippet.categoryId, '26');
    assert.equal(atCooks?.status.privacyStatus, 'unlisted');
    assert.equal(atCooks?.status.selfDeclaredMadeForKids, true);
    assert.equal(atCooks?.status.containsSyntheticMedia, false);
    assert.ok(atCooks?.thumbnail, 'the thumbnail was set');
    assert.deepEqual(atCooks?.playlistIds, ['PLalice000000000000000000000000001']);

    const [atTravels] = sandbox.inspect.channel(TRAVELS).videos;
    assert.equal(atTravels?.snippet.title, 'Pasta on the road');
    assert.deepEqual(atTravels?.snippet.tags, ['pasta', 'quick meals']);
    assert.equal(atTravels?.status.privacyStatus, 'public');
    assert.equal(atTravels?.status.selfDeclaredMadeForKids, false);
    assert.equal(atTravels?.status.containsSyntheticMedia, true);
    assert.deepEqual(atTravels?.playlistIds, []);
    assert.deepEqual(pageErrors, []);
  });

  test("in a browser tab, Choose videos… browses the engine machine's folders from its home and fills the paths in", async () => {
    mkdirSync(join(dir.path, 'clips'));
    const clip = join(dir.path, 'clips', 'Browse me.mp4');
    writeFileSync(clip, randomBytes(1000));
    writeFileSync(join(dir.path, 'clips', 'notes.txt'), 'not a video');
    await page.getByRole('button', { name: 'Add upload', exact: true }).click();
    const f = form();
    await f.getByRole('button', { name: 'Choose videos…' }).click();
    const browser = page.getByRole('dialog', { name: 'Choose videos on the Dropline machine' });
    await browser.getByRole('button', { name: 'clips' }).click();
    await browser.getByRole('checkbox', { name: /Browse me\.mp4/ }).check();
    assert.equal(await browser.getByText('notes.txt').count(), 0, 'only videos and folders');
    await browser.getByRole('button', { name: 'Add 1 video' }).click();
    await browser.waitFor({ state: 'detached' });
    assert.equal(await f.getByLabel('Video files').inputValue(), clip);
    await f.getByText('1 video ready').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
