import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { freePort } from '../helpers/free-port.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();

describe('the UI through dropline serve, in Chromium', { skip }, () => {
  const dir = tempDir();
  let port: number;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    serve = await startServeProcess({ dataDir: dir.path, port });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
        pageErrors.push(msg.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    dir.remove();
  });

  test('the frame renders from the printed link and the key leaves the address bar', async () => {
    await page.goto(serve.openUrl);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    assert.equal(page.url().includes('token='), false);
    await page.waitForFunction(() => !document.querySelector('[data-testid="connection-banner"]'));
  });

  test('the first screen comes with the page: its files are preloaded by the page, each fetched once', async () => {
    // Without the preloads, the Queue's chunk is asked for by import() once the entry has run.
    const { fetched, linked } = await page.evaluate(async () => {
      const html = await (await fetch(location.pathname)).text();
      const head = new DOMParser().parseFromString(html, 'text/html').head;
      return {
        fetched: performance
          .getEntriesByType('resource')
          .map((e) => ({
            path: new URL(e.name).pathname,
            by: (e as PerformanceResourceTiming).initiatorType,
          }))
          .filter((e) => /\/QueueScreen-[^/]+\.(js|css)$/.test(e.path)),
        linked: [...head.querySelectorAll('link[rel="modulepreload"], link[rel="stylesheet"]')].map(
          (link) => new URL(link.getAttribute('href') ?? '', location.href).pathname,
        ),
      };
    });
    const paths = fetched.map((e) => e.path);
    assert.deepEqual(
      [...new Set(paths.map((p) => p.split('.').pop()))].sort(),
      ['css', 'js'],
      `the Queue screen's script and stylesheet, fetched: ${JSON.stringify(fetched)}`,
    );
    assert.equal(new Set(paths).size, paths.length, `fetched twice: ${JSON.stringify(fetched)}`);
    for (const e of fetched) {
      assert.ok(
        linked.includes(e.path),
        `${e.path} is not preloaded by the page: ${linked.join(' ')}`,
      );
      // The page's link fetched it ("other" for a module preload in Chromium), not import().
      assert.notEqual(e.by, 'script', `${e.path} was fetched by import()`);
    }
  });

  test('screens switch from the sidebar', async () => {
    for (const name of ['Channels', 'Folders', 'Cookies', 'Queue']) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.getByRole('heading', { name, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByTestId('app-version').waitFor();
  });

  test('a setting survives a restart of the service', async () => {
    await page.locator('select[name="theme"]').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await serve.stop();
    serve = await startServeProcess({ dataDir: dir.path, port });
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.waitForFunction(
      () =>
        (document.querySelector('select[name="theme"]') as HTMLSelectElement | null)?.value ===
        'dark',
    );
  });

  test('a number setting is saved when the user is done typing, and a bad one is refused in place', async () => {
    const input = page.locator('input[name="globalConcurrency"]');
    const reopen = async () => {
      await page.reload();
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await input.waitFor();
    };
    await input.fill('7');
    await reopen();
    assert.equal(await input.inputValue(), '3', 'typing alone saves nothing');
    await input.fill('7');
    await input.press('Enter');
    // The save is a round trip over the socket: a reload may come before it lands.
    for (let tries = 0; tries < 20; tries++) {
      await reopen();
      if ((await input.inputValue()) === '7') break;
    }
    assert.equal(await input.inputValue(), '7', 'Enter saves');
    for (const bad of ['', '15', '2.5']) {
      await input.fill(bad);
      await input.press('Enter');
      const alert = page.getByRole('alert').filter({ hasText: 'A whole number from 1 to 10.' });
      await alert.waitFor();
    }
    await input.blur();
    await reopen();
    assert.equal(await input.inputValue(), '7', 'nothing bad was saved');
  });

  test('the reconnect state appears when the service stops and clears when it returns', async () => {
    await page.waitForFunction(() => !document.querySelector('[data-testid="connection-banner"]'));
    await serve.stop();
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /Connection lost, reconnecting/);
    serve = await startServeProcess({ dataDir: dir.path, port });
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    // The reconnected socket works: a change made now round-trips.
    await page.locator('select[name="theme"]').selectOption('light');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  test('a browser without the key is told how to get in', async () => {
    const stranger = await browser.newPage();
    await stranger.goto(serve.url);
    // The banner first says "Connecting…" while the session check is in flight; the verdict follows.
    const banner = stranger.locator('[data-testid="connection-banner"][data-state="unauthorized"]');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /not signed in to Dropline/);
    assert.equal(await stranger.getByTestId('connection-banner').count(), 1, 'one banner, not two');
    await stranger.close();
  });

  test('no page errors and no CSP violations', () => {
    assert.deepEqual(pageErrors, []);
  });
});
