import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop-app.ts';
import { IPC_INVOKE } from '../../../src-main/electron/ipc-channels.ts';
import type { Result } from '../../../src-shared/api/wire.ts';
import { FakeElectron } from '../../helpers/fake-electron.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('desktop sign-in opens the authorization URL in the browser', () => {
  const dir = tempDir();
  const fake = new FakeElectron(join(dir.path, 'userData'));
  let desktop: Desktop | null;
  const ctx = { transport: 'ipc' as const };

  beforeAll(async () => {
    const rendererDir = join(dir.path, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dropline</title>');
    // A working (toy) safeStorage so the vault can hold the client secret.
    const electron = fake.module;
    electron.safeStorage = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
      decryptString: (enc) => Buffer.from(enc).reverse().toString('utf8'),
    };
    desktop = await startDesktop(
      electron,
      { preload: '/p/preload.cjs', rendererDir, trayIcons: '/p/tray' },
      { DROPLINE_LOG_LEVEL: 'error', DROPLINE_GOOGLE_BASE_URL: 'http://127.0.0.1:9' },
    );
  });
  afterAll(async () => {
    await desktop?.core.close();
    dir.remove();
  });

  test('channels.connect opens exactly the returned URL; openBrowser false opens nothing', async () => {
    const router = desktop?.core.router;
    assert.ok(router);
    const set = await router.dispatch(
      'client.set',
      { clientId: '1-desktop.apps.googleusercontent.com', clientSecret: 's-1' },
      ctx,
    );
    assert.ok(set.ok, JSON.stringify(set));
    const started = await router.dispatch('channels.connect', {}, ctx);
    assert.ok(started.ok, JSON.stringify(started));
    const { authorizationUrl, flowId } = started.output as {
      authorizationUrl: string;
      flowId: string;
    };
    assert.deepEqual(fake.opened, [authorizationUrl]);
    assert.ok(authorizationUrl.startsWith('http://127.0.0.1:9/o/oauth2/v2/auth?'));
    await router.dispatch('channels.cancelConnect', { flowId }, ctx);
    const quiet = await router.dispatch('channels.connect', { openBrowser: false }, ctx);
    assert.ok(quiet.ok);
    assert.equal(fake.opened.length, 1);
    await router.dispatch(
      'channels.cancelConnect',
      { flowId: (quiet.output as { flowId: string }).flowId },
      ctx,
    );
  });

  test('a connectResult asked by the window ends as caller_gone when its webContents is destroyed', async () => {
    const router = desktop?.core.router;
    assert.ok(router);
    const started = await router.dispatch('channels.connect', { openBrowser: false }, ctx);
    assert.ok(started.ok, JSON.stringify(started));
    const { flowId } = started.output as { flowId: string };
    const win = fake.windows[0];
    assert.ok(win);
    const answer = fake
      .ipcRendererOf(win)
      .invoke(IPC_INVOKE, 'channels.connectResult', { flowId }) as Promise<Result>;
    win.destroy();
    const result = await answer;
    assert.equal(!result.ok && result.error.code, 'caller_gone');
    assert.equal(desktop?.core.services.channels.connect.waitingCount(), 1);
    await router.dispatch('channels.cancelConnect', { flowId }, ctx);
  });
});
