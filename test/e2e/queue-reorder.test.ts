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

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';
const meta = (title: string) => metadata({ title });

describe('Reordering the queue in Chromium', { skip }, () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let ui: ServeInChromium | undefined;
  let sandbox: GoogleSandbox;
  let engine: EngineConnection;
  let page: Page;
  let pageErrors: string[];
  const row = (title: string) => page.locator('[data-testid="job-row"]', { hasText: title });
  const add = async (name: string, bytes = 200_000) => {
    const path = join(dir.path, `${name}.mp4`);
    writeFileSync(path, randomBytes(bytes));
    await engine.api.invoke('jobs.add', {
      uploads: [{ file: path, channelId: COOKS, metadata: meta(name) }],
    });
  };
  /** The titles of the queued rows, top to bottom, as the screen shows them. */
  const queuedOrder = () =>
    page
      .locator('[data-testid="job-row"][data-state="queued"] .job-title')
      .evaluateAll((titles) => titles.map((t) => t.textContent));
  const waitForOrder = (want: string[]) =>
    page.waitForFunction(
      (expected) =>
        JSON.stringify(
          [
            ...document.querySelectorAll('[data-testid="job-row"][data-state="queued"] .job-title'),
          ].map((t) => t.textContent),
        ) === JSON.stringify(expected),
      want,
    );

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

  test('moving queued jobs up and down (menu and keyboard) shows the new order, and the engine uploads in it', async () => {
    // One upload at a time per channel, held slow: the jobs behind it stay queued while moved.
    await engine.api.invoke('settings.set', { bandwidthLimitKiBps: 64 });
    await add('Blocker', 2_000_000);
    await row('Blocker').and(page.locator('[data-state="uploading"]')).waitFor();
    await add('Apple');
    await add('Bread');
    await add('Cheese');
    await waitForOrder(['Apple', 'Bread', 'Cheese']);

    // With the mouse: Cheese up one.
    await row('Cheese').getByRole('button', { name: 'More actions for Cheese' }).click();
    await page
      .getByRole('menu', { name: 'More actions for Cheese' })
      .getByRole('menuitem', { name: 'Move up' })
      .click();
    await waitForOrder(['Apple', 'Cheese', 'Bread']);

    // From the keyboard only: focus Apple's menu button, open it, pick "Move down" by arrows.
    await row('Apple').getByRole('button', { name: 'More actions for Apple' }).focus();
    await page.keyboard.press('Enter');
    // Scoped to Apple's menu: Cheese's may still be fading out.
    const down = page
      .getByRole('menu', { name: 'More actions for Apple' })
      .getByRole('menuitem', { name: 'Move down' });
    await down.waitFor();
    for (let i = 0; i < 8; i++) {
      const focused = await down.evaluate((el) => el === document.activeElement);
      if (focused) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.equal(await down.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Enter');
    await waitForOrder(['Cheese', 'Apple', 'Bread']);
    assert.deepEqual(await queuedOrder(), ['Cheese', 'Apple', 'Bread']);

    // The engine has the same order: it uploads them so once the blocker is through.
    await engine.api.invoke('settings.set', { bandwidthLimitKiBps: 0 });
    await row('Bread').and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
    await row('Apple').and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
    const uploaded = sandbox.inspect
      .channel(COOKS)
      .videos.toSorted((a, b) => a.publishedAt.localeCompare(b.publishedAt))
      .map((v) => v.snippet.title);
    assert.deepEqual(uploaded, ['Blocker', 'Cheese', 'Apple', 'Bread']);
    assert.deepEqual(pageErrors, []);
  });
});
