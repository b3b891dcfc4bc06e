import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import {
  cookieFileText,
  makeEnv,
  secretValue,
  startVideoServer,
  type VideoServer,
} from '../integration/cookies/helpers.ts';

const skip = browserUnavailable();

describe('the Cookies screen, in Chromium', { skip }, () => {
  const env = makeEnv();
  let video: VideoServer;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const value = secretValue('uisession');

  beforeAll(async () => {
    video = await startVideoServer();
    video.valid.add(value);
    serve = await startServeProcess({
      dataDir: env.dataDir,
      env: env.env as Record<string, string>,
    });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(serve.openUrl);
    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    await page.getByRole('heading', { name: 'Cookies', exact: true }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await video?.close();
    env.cleanup();
  });

  test('a picked file is imported with a summary; a path import offers deleting the source', async () => {
    const picked = join(env.root, 'picked.txt');
    writeFileSync(picked, cookieFileText([{ name: 'session', value }]));
    await page.locator('input[name="cookieLabel"]').fill('ui');
    await page.locator('input[type="file"]').setInputFiles(picked);
    const result = page.getByTestId('cookie-import-result');
    await result.getByText('Imported 1 cookies from picked.txt as "ui"').waitFor();
    await result.getByText('delete it yourself').waitFor();
    await page
      .getByTestId('cookie-labels')
      .getByRole('cell', { name: 'ui', exact: true })
      .waitFor();

    const byPath = join(env.root, 'by-path.txt');
    writeFileSync(byPath, cookieFileText([{ name: 'session', value }]));
    await page.locator('input[name="cookiePath"]').fill(byPath);
    await page.getByRole('button', { name: 'Import from path' }).click();
    await result.getByText('1 backup kept').waitFor();
    await result.getByRole('button', { name: `Delete ${byPath}` }).click();
    await result.getByText('The plaintext file was deleted.').waitFor();
    assert.equal(existsSync(byPath), false);
    assert.equal((await page.content()).includes(value), false);
  });

  test('a download runs with the stored cookies and shows its file', async () => {
    await page.locator('input[name="downloadUrl"]').fill(`${video.url}/v/ui.mp4`);
    await page.locator('select[name="downloadLabel"]').selectOption('ui');
    await page.locator('input[name="downloadOut"]').fill(join(env.root, 'ui-out'));
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await page
      .getByTestId('downloads')
      .getByText(join(env.root, 'ui-out'))
      .waitFor({ timeout: 60_000 });
    assert.ok(video.requests.some((r) => r.cookie === `session=${value}`));
  });

  test('a failed download stands still, says why, and Retry starts it again', async () => {
    const url = `${video.url}/missing/gone.mp4`;
    await page.locator('input[name="downloadUrl"]').fill(url);
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    const failed = page.getByRole('progressbar', { name: `Download of ${url}: failed` });
    await failed.waitFor({ timeout: 60_000 });
    // A bar with a value does not animate; an indeterminate one (no value) would.
    assert.notEqual(await failed.getAttribute('value'), null);
    const rows = page.getByTestId('downloads').getByRole('listitem').filter({ hasText: url });
    assert.equal(await rows.count(), 1);
    await rows.getByRole('button', { name: 'Retry' }).click();
    await page
      .getByRole('progressbar', { name: `Download of ${url}: failed` })
      .nth(1)
      .waitFor({ timeout: 60_000 });
    assert.equal(await rows.count(), 2, 'the retry is a new download of the same URL');

    // Remove takes both off the list, for good: a reload reads them from the engine again.
    await rows.first().getByRole('button', { name: 'Remove' }).click();
    await rows.nth(1).waitFor({ state: 'detached' });
    await rows.first().getByRole('button', { name: 'Remove' }).click();
    await rows.first().waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    await page.getByTestId('downloads').getByText(join(env.root, 'ui-out')).waitFor();
    assert.equal(await rows.count(), 0);
  });

  test('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
