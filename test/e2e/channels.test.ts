import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startGoogleSandbox, type GoogleSandbox } from '../fakes/google-sandbox/index.ts';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { clientSecretJson } from '../helpers/client-secret-json.ts';

const skip = browserUnavailable();
const CHANNEL = 'UCalice0000000000000000a';

describe(
  'Channels screen: set the client, connect through Google consent, disconnect',
  { skip },
  () => {
    const dir = tempDir();
    let sandbox: GoogleSandbox;
    let serve: ServeProcess;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      sandbox = await startGoogleSandbox();
      const keyFile = join(dir.path, 'master.key');
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
      serve = await startServeProcess({
        dataDir: join(dir.path, 'data'),
        env: {
          DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
          DROPLINE_KEY_PROVIDER: 'file',
          DROPLINE_MASTER_KEY_FILE: keyFile,
        },
      });
      browser = await launchChromium();
      context = await browser.newContext();
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });
    afterAll(async () => {
      await browser?.close();
      await serve?.stop();
      await sandbox?.close();
      dir.remove();
    });

    test('a Web client file is refused with a reason; a Desktop client file is accepted', async () => {
      await page.goto(serve.openUrl);
      await page.getByRole('button', { name: 'Channels', exact: true }).click();
      await page.getByRole('heading', { name: 'Channels', exact: true }).waitFor();
      const input = page.getByTestId('client-file');
      const file = (top: 'installed' | 'web') => ({
        name: 'client_secret.json',
        mimeType: 'application/json',
        buffer: Buffer.from(clientSecretJson(sandbox, top)),
      });
      await input.setInputFiles(file('web'));
      const error = page.getByTestId('client-error');
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /Desktop app/);
      await input.setInputFiles(file('installed'));
      await page.getByTestId('client-summary').waitFor();
      assert.match((await page.getByTestId('client-summary').textContent()) ?? '', /sandbox/);
    });

    test('Connect opens Google consent; Allow connects the channel and the card shows it', async () => {
      await page.getByRole('button', { name: 'Connect a channel' }).click();
      const link = page.getByTestId('authorization-link');
      await link.waitFor();
      const [consent] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await consent.waitForLoadState();
      await consent.locator(`[data-channel-id="${CHANNEL}"]`).check();
      await consent.getByTestId('consent-allow').click();
      await consent.getByText('return to Dropline').waitFor();
      assert.match(consent.url(), /^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback\//);
      await consent.close();

      const message = page.getByTestId('connect-message');
      await message.waitFor();
      assert.match((await message.textContent()) ?? '', /Connected "Alice Cooks"/);
      const card = page.locator(`[data-testid="channel-card"][data-channel-id="${CHANNEL}"]`);
      await card.waitFor();
      assert.equal(await card.getByTestId('channel-status').textContent(), 'Connected');
      assert.match(
        (await card.getByTestId('token-countdown').textContent()) ?? '',
        /expires in \d\d:\d\d/,
      );
      assert.match(
        (await page.getByTestId('token-stats').textContent()) ?? '',
        /^1 channel connected( · sign-ins renewed \d+ times? in the last 24 h)?$/,
      );
    });

    test('Disconnect asks first, then revokes; the history shows consent and revocation', async () => {
      const card = page.locator(`[data-testid="channel-card"][data-channel-id="${CHANNEL}"]`);
      await card.getByRole('button', { name: 'Disconnect' }).click();
      await card.getByRole('group', { name: 'Confirm disconnect' }).waitFor();
      await card.getByRole('button', { name: 'Yes, disconnect' }).click();
      await card.getByText('Disconnected', { exact: true }).waitFor();
      await card.getByRole('button', { name: 'Reconnect' }).waitFor();
      assert.equal(sandbox.inspect.channel(CHANNEL).grants.filter((g) => g.live).length, 0);
      await card.getByRole('button', { name: 'History' }).click();
      const history = card.getByTestId('audit-list');
      await history.getByText(/revoke ok/).waitFor();
      assert.match((await history.textContent()) ?? '', /consent ok/);
      assert.deepEqual(pageErrors, []);
    });
  },
);
