import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Job } from '../../src-shared/domain/job.ts';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import {
  connectSandboxChannel,
  startSandboxedServe,
  type SandboxedServe,
} from '../helpers/sandbox-channel.ts';
import { runDropline } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';

describe('the notification bell in the browser UI', { skip }, () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let running: SandboxedServe;
  let browser: Browser;
  let page: Page;

  const upload = async (name: string): Promise<void> => {
    const file = join(dir.path, name);
    writeFileSync(file, randomBytes(64 * 1024));
    // Listening before the job exists: its done event cannot be missed.
    const done = new Set<string>();
    let wake = () => {};
    const off = running.engine.api.on('jobs.changed', (job: Job) => {
      if (job.state === 'done') done.add(job.id);
      wake();
    });
    const { jobIds } = await running.engine.api.invoke('jobs.enqueue', {
      files: [file],
      channelIds: [COOKS],
      metadata: { title: name.replace('.mp4', '') },
      thumbnail: null,
    });
    while (!done.has(jobIds[0]!)) await new Promise<void>((r) => (wake = r));
    off();
  };
  const bell = () => page.getByRole('button', { name: /^Notifications/ });

  beforeAll(async () => {
    running = await startSandboxedServe(dir.path, data);
    await connectSandboxChannel(running.engine, running.sandbox, COOKS);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(running.serve.openUrl);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    dir.remove();
  });

  test('an upload that finishes while the page is open rings the bell', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await upload('first.mp4');
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    assert.equal(await page.getByTestId('bell-count').textContent(), '1');
  });

  test('notices posted with no page open are in the bell after a reload', async () => {
    await page.goto('about:blank');
    await upload('second.mp4');
    await page.goBack();
    await page.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor();
  });

  test('the list shows them newest first; opening one marks it read and shows its screen', async () => {
    await bell().click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    const items = panel.getByTestId('notice-item');
    await items.first().waitFor();
    assert.deepEqual(await items.locator('.bell-title').allTextContents(), [
      'Uploaded "second"',
      'Uploaded "first"',
    ]);
    await page.getByRole('button', { name: 'Settings', exact: true }).waitFor();
    await items.first().getByRole('button').first().click();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    assert.match(page.url(), /#\/queue$/);
    const cli = await runDropline(['notices', '--unread', '--json', '--data-dir', data]);
    assert.deepEqual(
      (JSON.parse(cli.stdout) as { title: string }[]).map((n) => n.title),
      ['Uploaded "first"'],
      'the engine stored the read',
    );
  });

  test('Mark all read clears the count, and it stays cleared after a reload', async () => {
    await bell().click();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    // The bell says "Notifications" with no count before its list has loaded too: so the list
    // is waited for first (the page connects once its first screen is in), then the count.
    await bell().click();
    const read = page
      .getByRole('dialog', { name: 'Notifications' })
      .locator('.bell-item[data-read]');
    await read.nth(1).waitFor();
    assert.equal(await read.count(), 2);
    assert.equal(await page.getByTestId('bell-count').count(), 0);
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  });
});
