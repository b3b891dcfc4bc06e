import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  connectToEngine,
  type EngineConnection,
} from '../../src-main/engine-process/engine-client.ts';
import { readServiceFile } from '../../src-main/engine-process/service-file.ts';
import { browserUnavailable, launchChromium } from '../helpers/browser.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();

describe(
  'Channels screen: a sign-in already waiting elsewhere is shown with its link',
  { skip },
  () => {
    const dir = tempDir();
    const data = join(dir.path, 'data');
    let serve: ServeProcess;
    let engine: EngineConnection;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      const keyFile = join(dir.path, 'master.key');
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
      serve = await startServeProcess({
        dataDir: data,
        env: { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile },
      });
      engine = await connectToEngine(serve.url, readServiceFile(data)!.token);
      await engine.api.invoke('client.set', {
        clientId: '100000000001-waiting.apps.googleusercontent.com',
        clientSecret: 'GOCSPX-waiting',
      });
      browser = await launchChromium();
      page = await browser.newPage();
    });
    afterAll(async () => {
      engine?.close();
      await browser?.close();
      await serve?.stop();
      dir.remove();
    });

    test('Connect while the CLI waits on a sign-in: the screen says so and links to it', async () => {
      const fromCli = await engine.api.invoke('channels.connect', { openBrowser: false });
      await page.goto(serve.openUrl);
      await page.getByRole('button', { name: 'Channels', exact: true }).click();
      await page.getByRole('button', { name: 'Connect a channel' }).click();
      const note = page.getByTestId('sign-in-already-waiting');
      await note.waitFor();
      assert.match((await note.textContent()) ?? '', /A sign-in is already waiting/);
      assert.equal(await note.getByRole('link').getAttribute('href'), fromCli.authorizationUrl);
    });
  },
);
