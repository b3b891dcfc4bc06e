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
const PASSPHRASE = 'plum tractor violet 42 harbour';

describe(
  'vault passphrase: set in Settings, unlock from the banner after a restart',
  { skip },
  () => {
    const dir = tempDir();
    const keyFile = join(dir.path, 'master.key');
    const dataDir = join(dir.path, 'data');
    let sandbox: GoogleSandbox;
    let serve: ServeProcess;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];

    const startServe = () =>
      startServeProcess({
        dataDir,
        env: {
          DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
          DROPLINE_KEY_PROVIDER: 'file',
          DROPLINE_MASTER_KEY_FILE: keyFile,
        },
      });

    beforeAll(async () => {
      sandbox = await startGoogleSandbox();
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
      serve = await startServe();
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

    test('the OAuth client is set and a channel connected (secrets in the key-file vault)', async () => {
      await page.goto(serve.openUrl);
      await page.getByRole('button', { name: 'Channels', exact: true }).click();
      await page.getByTestId('client-file').setInputFiles({
        name: 'client_secret.json',
        mimeType: 'application/json',
        buffer: Buffer.from(clientSecretJson(sandbox)),
      });
      await page.getByTestId('client-summary').waitFor();
      await page.getByRole('button', { name: 'Connect a channel' }).click();
      const link = page.getByTestId('authorization-link');
      const [consent] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await consent.waitForLoadState();
      await consent.locator(`[data-channel-id="${CHANNEL}"]`).check();
      await consent.getByTestId('consent-allow').click();
      await consent.getByText('return to Dropline').waitFor();
      await consent.close();
      await page
        .getByTestId('connect-message')
        .getByText(/Connected "Alice Cooks"/)
        .waitFor();
    });

    test('Settings → Security shows the key file and sets a passphrase typed twice', async () => {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const security = page.getByRole('group', { name: 'Security' });
      await security
        .getByTestId('vault-state')
        .getByText(/Unlocked/)
        .waitFor();
      const file = security.locator('[data-testid="vault-protection"][data-kind="file"]');
      assert.match((await file.textContent()) ?? '', /key file .*master\.key.*keeps a copy/);

      const first = security.locator('input[name="vaultPassphrase"]');
      const second = security.locator('input[name="vaultPassphraseAgain"]');
      await first.fill(PASSPHRASE);
      await second.fill(`${PASSPHRASE}!`);
      await security.getByRole('button', { name: 'Set passphrase' }).click();
      await security
        .getByTestId('passphrase-error')
        .getByText(/differ/)
        .waitFor();
      assert.equal(await first.inputValue(), '', 'the fields are emptied after a submit');

      await first.fill(PASSPHRASE);
      await second.fill(PASSPHRASE);
      await security.getByRole('button', { name: 'Set passphrase' }).click();
      await security.getByTestId('passphrase-done').getByText('Passphrase saved.').waitFor();
      await security.locator('[data-testid="vault-protection"][data-kind="passphrase"]').waitFor();
      assert.equal(await first.inputValue(), '');
      assert.equal(await second.inputValue(), '');
      assert.equal((await page.content()).includes(PASSPHRASE), false);
    });

    test('after a restart with another key file the banner asks for the passphrase; the data is all there', async () => {
      await serve.stop();
      // The key file no longer fits (restored from the wrong backup, a new machine...).
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
      serve = await startServe();
      await page.goto(serve.openUrl);
      const banner = page.getByTestId('vault-banner');
      await banner.waitFor();
      assert.match((await banner.textContent()) ?? '', /secrets are locked/);

      // What needs a secret says the vault is locked instead of failing obscurely.
      await page.getByRole('button', { name: 'Channels', exact: true }).click();
      const card = page.locator(`[data-testid="channel-card"][data-channel-id="${CHANNEL}"]`);
      await card.waitFor();
      await page.getByRole('button', { name: 'Connect a channel' }).click();
      await page
        .getByTestId('connect-message')
        .getByText(/vault is locked.*passphrase/)
        .waitFor();

      const input = banner.locator('input[name="vaultUnlockPassphrase"]');
      await input.fill('not the passphrase at all');
      await banner.getByRole('button', { name: 'Unlock' }).click();
      await banner
        .getByTestId('vault-unlock-error')
        .getByText(/passphrase is wrong/)
        .waitFor();
      assert.equal(await input.inputValue(), '');

      await input.fill(PASSPHRASE);
      await banner.getByRole('button', { name: 'Unlock' }).click();
      await banner.waitFor({ state: 'detached' });

      // The card follows its own event (channels.changed), which may arrive after the vault's.
      await card
        .getByTestId('channel-status')
        .filter({ hasText: /^Connected$/ })
        .waitFor();
      await page.getByRole('button', { name: 'Connect a channel' }).click();
      await page.getByTestId('authorization-link').waitFor();
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const file = page.locator('[data-testid="vault-protection"][data-kind="file"]');
      // The unlock gave the new key file the key again: the next restart needs no passphrase.
      assert.equal(await file.getAttribute('data-available'), 'true');
      assert.doesNotMatch((await file.textContent()) ?? '', /does not open this vault/);
      assert.deepEqual(pageErrors, []);
    });
  },
);

describe(
  'no usable key provider: the banner leads to Settings, a passphrase creates the vault',
  { skip },
  () => {
    const dir = tempDir();
    let serve: ServeProcess;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      // DROPLINE_KEY_PROVIDER=file without a key file: nothing can hold the key.
      serve = await startServeProcess({
        dataDir: join(dir.path, 'data'),
        env: { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: '' },
      });
      browser = await launchChromium();
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await serve?.stop();
      dir.remove();
    });

    test('set a passphrase from the banner link; the banner goes and the vault is unlocked', async () => {
      await page.goto(serve.openUrl);
      const banner = page.getByTestId('vault-banner');
      await banner.getByText(/no safe place/).waitFor();
      await banner.getByRole('button', { name: /Set a passphrase/ }).click();
      const security = page.getByRole('group', { name: 'Security' });
      await security
        .getByTestId('vault-message')
        .getByText(/DROPLINE_MASTER_KEY_FILE/)
        .waitFor();
      await security.locator('input[name="vaultPassphrase"]').fill(PASSPHRASE);
      await security.locator('input[name="vaultPassphraseAgain"]').fill(PASSPHRASE);
      await security.getByRole('button', { name: 'Set passphrase' }).click();
      await security
        .getByTestId('vault-state')
        .getByText(/Unlocked/)
        .waitFor();
      await banner.waitFor({ state: 'detached' });
    });
  },
);
