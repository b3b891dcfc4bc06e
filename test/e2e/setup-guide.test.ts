import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  connectToEngine,
  type EngineConnection,
} from '../../src-main/engine-process/engine-client.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../fakes/google-sandbox/index.ts';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { clientSecretJson } from '../helpers/client-secret-json.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { videoFile } from '../helpers/upload-harness.ts';
import { closeToasts } from './support/toasts.ts';

const skip = browserUnavailable();
const ALICE = 'UCalice0000000000000000a';
const BOB = 'UCbob000000000000000000c';

describe('Channels screen: the guided Google setup and what Google’s errors mean', { skip }, () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'data');
  let sandbox: GoogleSandbox;
  let serve: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let engine: EngineConnection;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sandbox = await startGoogleSandbox();
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    serve = await startServeProcess({
      dataDir,
      env: {
        DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
        DROPLINE_KEY_PROVIDER: 'file',
        DROPLINE_MASTER_KEY_FILE: keyFile,
      },
    });
    const info = JSON.parse(readFileSync(join(dataDir, 'service.json'), 'utf8'));
    engine = await connectToEngine(info.url, info.token);
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(serve.openUrl);
    await page.getByRole('button', { name: 'Channels', exact: true }).click();
  });
  afterEach(() => {
    sandbox.configure({
      dataApiDisabled: false,
      redirectUriMismatch: false,
      channelLessChannels: [],
      testUserDenial: 'page',
    });
  });
  afterAll(async () => {
    engine?.close();
    await browser?.close();
    await serve?.stop();
    await sandbox?.close();
    dir.remove();
  });

  const help = () => page.getByTestId('setup-help');
  const markedStep = () => page.locator('[data-testid="setup-step"][data-fixes="true"]');

  /** Connect, pick the channel on the sandbox's consent page, Allow; the consent tab closes. */
  async function connectThroughConsent(channelId: string): Promise<void> {
    await page
      .getByRole('button', { name: /^(Connect a channel|Connect another channel)$/ })
      .click();
    const link = page.getByTestId('authorization-link');
    await link.waitFor();
    const [consent] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await consent.waitForLoadState();
    await consent.locator(`[data-channel-id="${channelId}"]`).check();
    await consent.getByTestId('consent-allow').click();
    await consent.waitForLoadState();
    await consent.close();
    await page.getByTestId('connect-message').waitFor();
  }

  async function setClientFile(top: 'installed' | 'web'): Promise<void> {
    await page.getByTestId('client-file').setInputFiles({
      name: 'client_secret.json',
      mimeType: 'application/json',
      buffer: Buffer.from(clientSecretJson(sandbox, top)),
    });
  }

  test('a first-time user sees the five steps, each with its console page', async () => {
    const guide = page.getByTestId('setup-guide');
    await guide.waitFor();
    const steps = guide.getByTestId('setup-step');
    assert.equal(await steps.count(), 5);
    assert.match((await steps.nth(1).textContent()) ?? '', /Enable the YouTube Data API v3/);
    assert.equal(
      await steps.nth(3).getByRole('link').getAttribute('href'),
      'https://console.cloud.google.com/apis/credentials/oauthclient',
    );
    assert.match((await steps.nth(2).textContent()) ?? '', /test user.*publish the app/);
  });

  test('a "web" client JSON is refused and step 4 explains the Desktop-app type', async () => {
    await setClientFile('web');
    await help().waitFor();
    assert.match((await help().textContent()) ?? '', /"Web application" client.*"Desktop app"/);
    assert.equal(await markedStep().getAttribute('data-step'), '4');
    await setClientFile('installed');
    await page.getByTestId('client-summary').waitFor();
    await help().waitFor({ state: 'detached' });
  });

  test('accessNotConfigured: enable the YouTube Data API v3 for project N (step 2)', async () => {
    sandbox.configure({ dataApiDisabled: true });
    await connectThroughConsent(ALICE);
    await help().waitFor();
    assert.match(
      (await help().textContent()) ?? '',
      /Enable the YouTube Data API v3 for project 100000000001/,
    );
    assert.equal(
      await page.getByTestId('setup-help-link').getAttribute('href'),
      'https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=100000000001',
    );
    assert.equal(await markedStep().getAttribute('data-step'), '2');
  });

  test('redirect_uri_mismatch: step 4, a Desktop app client', async () => {
    sandbox.configure({ redirectUriMismatch: true });
    await connectThroughConsent(ALICE);
    await help().waitFor();
    assert.match((await help().textContent()) ?? '', /not of type "Desktop app"/);
    assert.equal(await markedStep().getAttribute('data-step'), '4');
  });

  test('youtubeSignupRequired: the account has no channel yet', async () => {
    sandbox.configure({ channelLessChannels: [ALICE] });
    await connectThroughConsent(ALICE);
    await help().waitFor();
    assert.match((await help().textContent()) ?? '', /no YouTube channel yet/);
    assert.equal(
      await page.getByTestId('setup-help-link').getAttribute('href'),
      'https://www.youtube.com/create_channel',
    );
    assert.equal(await markedStep().count(), 0, 'not a Google Cloud step');
  });

  test('access_denied for a user who is not a test user: step 3', async () => {
    const few = sandbox.registerClient({
      clientId: '100000000003-sandboxfew.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-sandbox-few-test-users',
      projectId: 'dropline-sandbox-few',
      publishingStatus: 'testing',
      testUsers: ['alice@example.com'],
    });
    await engine.api.invoke('client.set', {
      clientId: few.clientId,
      clientSecret: few.clientSecret,
    });
    sandbox.configure({ testUserDenial: 'redirect' });
    await connectThroughConsent(BOB);
    await help().waitFor();
    assert.match((await help().textContent()) ?? '', /not a test user/);
    assert.equal(await markedStep().getAttribute('data-step'), '3');
  });

  test('a Testing-mode sign-in shows when it ends, why, and the fix on the channel card', async () => {
    // alice@example.com is a test user of this Testing-mode client.
    await connectThroughConsent(ALICE);
    const card = page.locator(`[data-testid="channel-card"][data-channel-id="${ALICE}"]`);
    const expiry = card.getByTestId('grant-expiry');
    await expiry.waitFor();
    const text = (await expiry.textContent()) ?? '';
    assert.match(text, /Sign-in ends in 6 days \(Google Testing mode\)/);
    assert.match(text, /Publish the app/);
    assert.match(text, /reconnect the channel each week/);
    await page.getByTestId('setup-guide').waitFor({ state: 'detached' });
  });

  test('History: a finished upload, found by its file, links to its video; Clear done keeps it', async () => {
    const video = videoFile(dir.path, 'sunset-timelapse.mp4', 300_000);
    const { jobIds } = await engine.api.invoke('jobs.enqueue', {
      files: [video.path],
      channelIds: [ALICE],
      metadata: { title: 'Sunset' },
    });
    const jobId = jobIds[0]!;
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    const row = page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);
    const link = row.getByTestId('video-link');
    await link.waitFor({ timeout: 60_000 });
    const videoId = (await link.getAttribute('href'))!.replace('https://youtu.be/', '');
    // The upload's "Uploaded" toast comes with it (8 s, held open while the pointer is over it,
    // and it can lie over the buttons below): close it as a creator would, once it is there.
    const uploadedToast = page.getByRole('button', { name: 'Dismiss: Uploaded "Sunset"' });
    await uploadedToast.click();
    await uploadedToast.waitFor({ state: 'detached' });
    assert.ok(sandbox.inspect.video(videoId));
    assert.equal(
      await row.getByTestId('studio-link').getAttribute('href'),
      `https://studio.youtube.com/video/${videoId}/edit`,
    );
    // The quota bar: what was used today under the auto model (Google decides the rest).
    await page
      .getByTestId('quota-used')
      .getByText(/1 upload started today/)
      .waitFor();
    assert.match((await page.getByTestId('quota-used').textContent()) ?? '', /Google decides/);
    await page.getByRole('button', { name: 'Clear done jobs' }).click();
    await page.getByTestId('history-cleared').waitFor();
    await row.waitFor({ state: 'detached' });
    // Any other toast that came meanwhile is closed too.
    await closeToasts(page);
    await page.getByRole('button', { name: 'Show history' }).click();
    await page.getByLabel('Search by title or file').fill('timelapse');
    const entry = page.locator(`[data-testid="history-row"][data-job-id="${jobId}"]`);
    await entry.waitFor();
    assert.equal(
      await entry.getByTestId('video-link').getAttribute('href'),
      `https://youtu.be/${videoId}`,
    );
    await page.getByLabel('Search by title or file').fill('no such video');
    await entry.waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });
});
