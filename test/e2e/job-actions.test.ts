import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EngineConnection } from '../../src-main/engine-process/engine-client.ts';
import type { GoogleSandbox } from '../fakes/google-sandbox/index.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { openServeInChromium, type ServeInChromium } from './support/serve-in-chromium.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { metadata } from '../helpers/upload-harness.ts';
import { closeToasts } from './support/toasts.ts';

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';
const meta = (title: string) => metadata({ title });

describe('Jobs you can act on, in Chromium', { skip }, () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let ui: ServeInChromium | undefined;
  let sandbox: GoogleSandbox;
  let engine: EngineConnection;
  let page: Page;
  let pageErrors: string[];
  const row = (title: string) => page.locator('[data-testid="job-row"]', { hasText: title });
  const add = async (name: string, bytes = 300_000) => {
    const path = join(dir.path, `${name}.mp4`);
    writeFileSync(path, randomBytes(bytes));
    const { jobIds } = await engine.api.invoke('jobs.add', {
      uploads: [{ file: path, channelId: COOKS, metadata: meta(name) }],
    });
    return jobIds[0] as string;
  };
  const videoTitled = (title: string) =>
    sandbox.inspect.channel(COOKS).videos.find((v) => v.snippet.title === title);

  beforeAll(async () => {
    ui = await openServeInChromium(dir.path, data, {
      channels: [COOKS],
      viewport: { width: 1366, height: 850 },
    });
    ({ sandbox, engine, page, pageErrors } = ui);
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
  });
  afterAll(async () => {
    await ui?.close();
    dir.remove();
  });

  test("a queued job's title and several jobs' privacy are edited and reach YouTube; a done job links to its video and Studio", async () => {
    // One upload at a time per channel, held slow: the jobs behind it stay queued while edited.
    await engine.api.invoke('settings.set', { bandwidthLimitKiBps: 64 });
    await add('Blocker', 2_000_000);
    await row('Blocker').and(page.locator('[data-state="uploading"]')).waitFor();
    await add('Soup');
    await add('Salad');
    await row('Soup').and(page.locator('[data-state="queued"]')).waitFor();
    await row('Salad').and(page.locator('[data-state="queued"]')).waitFor();

    await row('Soup').getByRole('button', { name: 'More actions for Soup' }).click();
    await page
      .getByRole('menu', { name: 'More actions for Soup' })
      .getByRole('menuitem', { name: 'Edit details' })
      .click();
    const one = page.getByRole('form', { name: 'Edit details' });
    await one.getByRole('textbox', { name: 'Title' }).fill('Tomato soup, 20 minutes');
    await one.getByRole('button', { name: 'Save details' }).click();
    await one.waitFor({ state: 'detached' });
    await row('Tomato soup, 20 minutes').waitFor();

    await row('Tomato soup')
      .getByRole('checkbox', { name: /^Select / })
      .check();
    await row('Salad').getByRole('checkbox', { name: 'Select Salad' }).check();
    const bar = page.getByRole('toolbar', { name: 'Selected jobs' });
    await bar.getByText('2 selected', { exact: true }).waitFor();
    await bar.getByRole('button', { name: 'Edit 2 selected' }).click();
    const many = page.getByRole('form', { name: 'Edit details' });
    await many.getByLabel('Visibility').selectOption('unlisted');
    await many.getByRole('button', { name: 'Save for 2 jobs' }).click();
    await many.waitFor({ state: 'detached' });

    await engine.api.invoke('settings.set', { bandwidthLimitKiBps: 0 });
    const done = row('Salad').and(page.locator('[data-state="done"]'));
    await done.waitFor({ timeout: 60_000 });
    await row('Tomato soup').and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
    assert.equal(videoTitled('Tomato soup, 20 minutes')?.status.privacyStatus, 'unlisted');
    assert.equal(videoTitled('Salad')?.status.privacyStatus, 'unlisted');
    assert.equal(videoTitled('Soup'), undefined, 'the old title never reached YouTube');
    assert.equal(
      videoTitled('Blocker')?.status.privacyStatus,
      'private',
      'an unticked job kept its own',
    );

    const id = videoTitled('Salad')?.id as string;
    assert.equal(
      await done.getByTestId('video-link').getAttribute('href'),
      `https://youtu.be/${id}`,
    );
    assert.equal(
      await done.getByTestId('studio-link').getAttribute('href'),
      `https://studio.youtube.com/video/${id}/edit`,
    );
    assert.deepEqual(pageErrors, []);
  });

  test('a failed job shows why with the fix in its detail view; Retry uploads it, Remove takes another away', async () => {
    sandbox.faults.set({
      failNext: { count: 1, status: 403, reason: 'forbidden', pathPrefix: '/upload' },
    });
    await add('Pie');
    const failed = row('Pie').and(page.locator('[data-state="failed"]'));
    await failed.waitFor({ timeout: 30_000 });
    await failed.getByRole('button', { name: 'Pie', exact: true }).click();
    const detail = page.getByTestId('job-detail');
    await detail.getByTestId('job-detail-error').getByRole('button', { name: 'Retry' }).waitFor();
    assert.ok((await detail.getByTestId('timeline-entry').count()) >= 2, 'queued, started, failed');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    await failed.getByRole('button', { name: 'Retry' }).click();
    await row('Pie').and(page.locator('[data-state="done"]')).waitFor({ timeout: 30_000 });
    const pie = (await engine.api.invoke('jobs.list', {})).find((j) => j.title === 'Pie');
    assert.ok(
      videoTitled('Pie'),
      `no video "Pie" on YouTube; the job: ${JSON.stringify({ state: pie?.state, videoId: pie?.videoId, error: pie?.error })}; the channel's videos: ${JSON.stringify(sandbox.inspect.channel(COOKS).videos.map((v) => [v.id, v.snippet.title]))}; requests: ${JSON.stringify(sandbox.inspect.requests().slice(-12))}`,
    );

    sandbox.faults.set({
      failNext: { count: 1, status: 403, reason: 'forbidden', pathPrefix: '/upload' },
    });
    const tart = await add('Tart');
    await row('Tart').and(page.locator('[data-state="failed"]')).waitFor({ timeout: 30_000 });
    // A failure's toast stays until it is closed, and the two (Pie's, Tart's) can lie over the
    // row's buttons: close them as a creator would, Tart's once it is there.
    await page.getByRole('button', { name: 'Dismiss: Upload failed: "Tart"' }).click();
    await closeToasts(page);
    await row('Tart').getByRole('button', { name: 'Remove' }).click();
    await row('Tart').waitFor({ state: 'detached' });
    const jobs = await engine.api.invoke('jobs.list', {});
    assert.equal(
      jobs.find((j) => j.id === tart),
      undefined,
    );
    assert.deepEqual(pageErrors, []);
  });

  test('a quota wait is shown as waiting, with when it resumes', async () => {
    sandbox.faults.set({
      failNext: { count: 1, status: 403, reason: 'quotaExceeded', pathPrefix: '/upload' },
    });
    await add('Stew');
    const waiting = row('Stew').and(page.locator('[data-state="waiting"]'));
    await waiting.waitFor({ timeout: 30_000 });
    // Wait for the words rather than read them once: run 20 of def26c6 read the
    // status while the row had its state but not yet its text (an empty string).
    const words = /^waiting for quota: resumes in \d+ (h|min).*\(midnight Pacific\)$/;
    const status = waiting.locator('.job-state');
    await status
      .filter({ hasText: words })
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        const shown = await status.textContent({ timeout: 1_000 }).catch(() => '(no status)');
        throw new Error(
          `the status never said ${String(words)}; it says ${JSON.stringify(shown)}`,
          {
            cause: error,
          },
        );
      });
    assert.equal(await waiting.locator('.job-tone-failed').count(), 0, 'not shown as an error');
  });
});
