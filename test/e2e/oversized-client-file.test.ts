import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();

describe(
  'Channels screen: a 10 MB client_secret.json is refused where it was picked',
  { skip },
  () => {
    const dir = tempDir();
    let serve: ServeProcess;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      const keyFile = join(dir.path, 'master.key');
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
      serve = await startServeProcess({
        dataDir: join(dir.path, 'data'),
        env: { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile },
      });
      browser = await launchChromium();
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await serve?.stop();
      dir.remove();
    });

    test('the error names the file and the limit; the connection to Dropline is not lost', async () => {
      await page.goto(serve.openUrl);
      await page.getByRole('button', { name: 'Channels', exact: true }).click();
      await page.getByRole('heading', { name: 'Channels', exact: true }).waitFor();
      const json = JSON.stringify({
        installed: {
          client_id: '100000000001-big.apps.googleusercontent.com',
          client_secret: 'GOCSPX-big',
          auth_uri: 'https://accounts.google.com/o/oauth2/auth',
          token_uri: 'https://oauth2.googleapis.com/token',
          redirect_uris: ['http://localhost'],
          padding: 'p'.repeat(10 * 1024 * 1024),
        },
      });
      await page.getByTestId('client-file').setInputFiles({
        name: 'client_secret.json',
        mimeType: 'application/json',
        buffer: Buffer.from(json),
      });
      const error = page.getByTestId('client-error');
      await error.waitFor();
      const text = (await error.textContent()) ?? '';
      assert.match(
        text,
        /client_secret\.json is 10 MB; Dropline reads client secret files of at most 64 KB/,
      );
      assert.doesNotMatch(text, /connection/i);
      // Still connected: a small, valid file goes through.
      await page.getByTestId('client-file').setInputFiles({
        name: 'client_secret.json',
        mimeType: 'application/json',
        buffer: Buffer.from(json.replace(/"padding":"p+"/, '"padding":""')),
      });
      await page.getByTestId('client-summary').waitFor();
    });
  },
);
