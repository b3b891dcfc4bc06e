import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();

describe("A link's access key works once, in Chromium", { skip }, () => {
  const dir = tempDir();
  let serve: ServeProcess;
  let browser: Browser;

  beforeAll(async () => {
    serve = await startServeProcess({ dataDir: dir.path });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    dir.remove();
  });

  test('a second browser profile opening the same link is refused and told what to do; `dropline ui` prints a new link that works', async () => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(serve.openUrl);
    await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="connection-banner"]'));
    // The same profile keeps its session: a reload, or the link again, still works.
    await page.goto(serve.openUrl);
    await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="connection-banner"]'));

    const second = await browser.newContext();
    const stranger = await second.newPage();
    await stranger.goto(serve.openUrl);
    const banner = stranger.locator('[data-testid="connection-banner"][data-state="unauthorized"]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /dropline ui/);
    assert.equal(await stranger.getByTestId('connection-banner').count(), 1, 'said once');
    const shown = await stranger.locator('main').innerText();
    assert.equal(shown.match(/not signed in/g)?.length, 1, `said once, not per screen: ${shown}`);
    assert.doesNotMatch(shown, /No uploads yet|retrying shortly/);

    const cli = await runDropline(['ui', '--json', '--data-dir', dir.path]);
    assert.equal(cli.code, 0, cli.stderr);
    const { url } = JSON.parse(cli.stdout) as { url: string };
    assert.ok(url.startsWith(`${serve.url}/#token=`), url);
    await stranger.goto(url);
    await stranger.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
    await stranger.waitForFunction(
      () => !document.querySelector('[data-testid="connection-banner"]'),
    );
    await first.close();
    await second.close();
  });
});
