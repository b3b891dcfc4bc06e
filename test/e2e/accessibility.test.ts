import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
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
const screens = ['Queue', 'Channels', 'Folders', 'Publishing', 'Cookies', 'Settings'] as const;

/** Serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // @axe-core/playwright types its page from 'playwright'; ours is the same class from playwright-core.
  const result = await new AxeBuilder({ page: page as never })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Elements whose box reaches past the window's right edge, outside any scrolling area. */
function clippedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll('main *, nav *, [role="dialog"] *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 && !scrolls(el.parentElement))
        out.push(
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ends at ${Math.round(r.right)}px`,
        );
    }
    return out.slice(0, 10);
  });
}

describe('Accessibility and small windows, in Chromium', { skip }, () => {
  const dir = tempDir();
  let running: SandboxedServe | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startSandboxedServe(dir.path, join(dir.path, 'data'));
    await connectSandboxChannel(running.engine, running.sandbox, COOKS);
    const video = join(dir.path, 'Garden tour.mp4');
    writeFileSync(video, randomBytes(200_000));
    await running.engine.api.invoke('jobs.add', {
      uploads: [
        {
          file: video,
          channelId: COOKS,
          metadata: { title: 'Garden tour', privacy: 'private' } as never,
        },
      ],
    });
    browser = await launchChromium();
    // axe needs a page of a context the test made itself (not browser.newPage's own).
    const context = await browser.newContext({ viewport: { width: 1366, height: 850 } });
    page = await context.newPage();
    await page.goto(running.serve.openUrl);
    await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
    await page.locator('[data-testid="job-row"][data-state="done"]').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    dir.remove();
  });

  const open = async (name: (typeof screens)[number]) => {
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('heading', { name, exact: true }).first().waitFor();
    await page.waitForLoadState('networkidle');
  };

  for (const theme of ['light', 'dark'] as const)
    test(`axe finds nothing serious or critical on any screen or dialog, ${theme}`, async () => {
      await page.setViewportSize({ width: 1366, height: 850 });
      await page.emulateMedia({ colorScheme: theme });
      await running!.engine.api.invoke('settings.set', { theme });
      const found: Record<string, string[]> = {};
      for (const name of screens) {
        await open(name);
        found[name] = await seriousViolations(page);
      }
      await open('Queue');
      await page.getByRole('button', { name: 'Add upload', exact: true }).click();
      await page.getByRole('form', { name: 'Add upload' }).waitFor();
      found['Add upload'] = await seriousViolations(page);
      await page.keyboard.press('Escape');
      await page.getByRole('form', { name: 'Add upload' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Garden tour', exact: true }).click();
      await page.getByTestId('job-detail').waitFor();
      found['Job detail'] = await seriousViolations(page);
      await page.keyboard.press('Escape');
      await page.getByTestId('job-detail').waitFor({ state: 'detached' });
      assert.deepEqual(
        Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0)),
        {},
      );
    });

  test('at 800×600 the sidebar folds and nothing on any screen is cut off at the right', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    const clipped: Record<string, string[]> = {};
    for (const name of screens) {
      await open(name);
      clipped[name] = await clippedElements(page);
    }
    await open('Queue');
    await page.getByRole('button', { name: 'Add upload', exact: true }).click();
    await page.getByRole('form', { name: 'Add upload' }).waitFor();
    clipped['Add upload'] = await clippedElements(page);
    await page.keyboard.press('Escape');
    assert.deepEqual(
      Object.fromEntries(Object.entries(clipped).filter(([, v]) => v.length > 0)),
      {},
    );
  });

  test('from the keyboard Enter opens the Add upload dialog, Escape closes it, and focus returns to its button', async () => {
    await page.setViewportSize({ width: 1366, height: 850 });
    await open('Queue');
    const add = page.getByRole('button', { name: 'Add upload', exact: true });
    await add.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Add upload' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('form', { name: 'Add upload' }).waitFor({ state: 'detached' });
    assert.equal(await add.evaluate((el) => el === document.activeElement), true, 'focus returned');
  });
});
