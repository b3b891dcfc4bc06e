import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import {
  connectSandboxChannel,
  startSandboxedServe,
  type SandboxedServe,
} from '../helpers/sandbox-channel.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';

describe("A watched folder's videos say what became of them, in Chromium", { skip }, () => {
  const dir = tempDir();
  const watched = join(dir.path, 'exports');
  let running: SandboxedServe | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(watched);
    running = await startSandboxedServe(dir.path, join(dir.path, 'data'));
    await connectSandboxChannel(running.engine, running.sandbox, COOKS);
    await running.engine.api.invoke('folders.add', {
      path: watched,
      channelIds: [COOKS],
      stabilitySeconds: 0.2,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    await page.goto(running.serve.openUrl);
    await page.getByRole('button', { name: 'Folders', exact: true }).click();
    await page.getByTestId('folder-card').getByRole('button', { name: 'Show videos' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    dir.remove();
  });

  test('a copy of an uploaded video is skipped saying why, with a way to the upload that has it; the first follows its job to done', async () => {
    // A real video: the watcher probes what it takes (random bytes would wait as unreadable).
    const bytes = readFileSync(
      fileURLToPath(new URL('../fixtures/two-seconds.mp4', import.meta.url)),
    );
    writeFileSync(join(watched, 'Dumplings.mp4'), bytes);
    const first = page.getByTestId('watch-item').filter({ hasText: 'Dumplings.mp4' });
    await first
      .getByTestId('item-jobs')
      .locator('[data-job-state="done"]')
      .waitFor({ timeout: 60_000 });
    assert.match(await first.getByTestId('item-jobs').innerText(), /Alice Cooks: done youtu\.be\//);

    writeFileSync(join(watched, 'Dumplings (copy).mp4'), bytes);
    const copy = page.getByTestId('watch-item').filter({ hasText: 'Dumplings (copy).mp4' });
    const reason = copy.getByTestId('skip-reason');
    await reason.waitFor({ timeout: 30_000 });
    assert.match(
      await reason.innerText(),
      /skipped: the same video is already uploaded on Alice Cooks/,
    );
    await reason.getByRole('button', { name: 'see that upload' }).click();
    const detail = page.getByTestId('job-detail');
    await detail.waitFor();
    assert.match(await detail.innerText(), /Dumplings\.mp4/);
  });
});
