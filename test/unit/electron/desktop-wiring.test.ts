import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { IPC_DIALOG, IPC_EVENT, IPC_INVOKE } from '../../../src-main/electron/ipc-channels.ts';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop-app.ts';
import { isAllowedExternalUrl } from '../../../src-main/electron/external-links.ts';
import { FakeElectron } from '../../helpers/fake-electron.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('desktop shell wiring (fake electron)', () => {
  const dir = tempDir();
  const fake = new FakeElectron(join(dir.path, 'userData'));
  let desktop: Desktop | null;
  const rendererDir = join(dir.path, 'renderer');

  beforeAll(async () => {
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dropline</title>');
    desktop = await startDesktop(
      fake.module,
      { preload: '/p/preload.cjs', rendererDir, trayIcons: '/p/tray' },
      { DROPLINE_LOG_LEVEL: 'error' },
    );
  });
  afterAll(async () => {
    await desktop?.core.close();
    dir.remove();
  });

  test('the window is sandboxed, isolated, without node or webviews, and preloads our bridge', () => {
    const prefs = fake.windows[0]?.options.webPreferences as Record<string, unknown>;
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.preload, '/p/preload.cjs');
  });

  test('the UI loads from the app protocol, never file://, with a strict CSP', async () => {
    assert.deepEqual(fake.windows[0]?.loaded, ['app://dropline/index.html']);
    assert.equal(fake.privilegedSchemes[0]?.scheme, 'app');
    const handler = fake.protocolHandlers.get('app');
    assert.ok(handler);
    const res = await handler({ url: 'app://dropline/index.html' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const escape = await handler({ url: 'app://dropline/../../etc/passwd' });
    assert.equal((await escape.text()).includes('root:'), false);
  });

  test('the engine runs in desktop mode on the userData directory', async () => {
    const info = await desktop?.core.router.dispatch('app.info', {}, { transport: 'ipc' });
    assert.ok(info?.ok);
    assert.equal((info.output as { mode: string }).mode, 'desktop');
    assert.equal((info.output as { dataDir: string }).dataDir, join(dir.path, 'userData'));
  });

  test('IPC from our top frame at our origin is dispatched', async () => {
    const handler = fake.ipcHandlers.get(IPC_INVOKE);
    const win = fake.windows[0];
    assert.ok(handler && win);
    const result = (await handler(
      {
        sender: { id: win.webContents.id },
        senderFrame: { url: 'app://dropline/index.html', parent: null },
      },
      'settings.get',
      {},
    )) as { ok: boolean };
    assert.equal(result.ok, true);
  });

  test('the window can ask for the native folder dialog, which opens on it', async () => {
    const handler = fake.ipcHandlers.get(IPC_DIALOG.pickFolder);
    const win = fake.windows[0];
    assert.ok(handler && win);
    fake.focusedWindow = win;
    fake.dialogAnswer = { canceled: false, filePaths: [join(dir.path, 'exports')] };
    const picked = await handler({
      sender: { id: win.webContents.id },
      senderFrame: { url: 'app://dropline/index.html', parent: null },
    });
    assert.equal(picked, join(dir.path, 'exports'));
    assert.deepEqual(fake.dialogs, [{ window: win, properties: ['openDirectory'], filters: [] }]);
    assert.ok(fake.ipcHandlers.get(IPC_DIALOG.pickVideos), 'the video dialog is installed too');
  });

  test('IPC from a subframe, a foreign origin or another webContents is rejected', async () => {
    const handler = fake.ipcHandlers.get(IPC_INVOKE);
    const id = fake.windows[0]?.webContents.id ?? -1;
    assert.ok(handler);
    const senders = [
      { sender: { id }, senderFrame: { url: 'app://dropline/index.html', parent: {} } },
      { sender: { id }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: id + 100 }, senderFrame: { url: 'app://dropline/index.html', parent: null } },
      { sender: { id }, senderFrame: null },
    ];
    for (const event of senders) {
      const result = (await handler(event, 'settings.get', {})) as {
        ok: boolean;
        error?: { code: string };
      };
      assert.equal(result.ok, false);
      assert.equal(result.error?.code, 'unauthorized');
    }
  });

  test('events reach the window on the event channel', async () => {
    await desktop?.core.router.dispatch('settings.set', { theme: 'dark' }, { transport: 'ipc' });
    const sent = (fake.windows[0]?.webContents as unknown as { sent: unknown[][] }).sent;
    assert.ok(sent.some((args) => args[0] === IPC_EVENT && args[1] === 'settings.changed'));
  });

  test('navigation away is cancelled, window.open denied, permissions refused', () => {
    const win = fake.windows[0];
    const navigate = win?.webContents.listeners.get('will-navigate')?.[0] as (
      e: { preventDefault(): void },
      url: string,
    ) => void;
    let prevented = false;
    navigate({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    assert.equal(prevented, true);
    assert.deepEqual(fake.windowOpenHandler?.({ url: 'https://evil.example/' }), {
      action: 'deny',
    });
    assert.deepEqual(fake.windowOpenHandler?.({ url: 'https://studio.youtube.com/' }), {
      action: 'deny',
    });
    assert.deepEqual(
      fake.opened,
      ['https://studio.youtube.com/'],
      'only the allowlisted link opened outside',
    );
    let granted: boolean | undefined;
    fake.permissionHandler?.(null, 'media', (g) => (granted = g));
    assert.equal(granted, false);
    assert.equal(fake.permissionCheck?.(), false);
  });

  test('a second instance does not start an engine', async () => {
    const other = new FakeElectron(join(dir.path, 'other'));
    other.singleInstance = false;
    assert.equal(
      await startDesktop(other.module, { preload: '/p', rendererDir, trayIcons: '/p/tray' }, {}),
      null,
    );
    assert.equal(other.quitCalled, true);
    assert.equal(other.windows.length, 0);
  });
});

test('openExternal allowlist: https on known hosts only', () => {
  assert.equal(isAllowedExternalUrl('https://accounts.google.com/o/oauth2/v2/auth?x=1'), true);
  assert.equal(isAllowedExternalUrl('http://accounts.google.com/'), false);
  assert.equal(isAllowedExternalUrl('https://accounts.google.com.evil.example/'), false);
  assert.equal(isAllowedExternalUrl('https://user:pw@www.youtube.com/'), false);
  assert.equal(isAllowedExternalUrl('file:///etc/passwd'), false);
  assert.equal(isAllowedExternalUrl('javascript:alert(1)'), false);
  assert.equal(
    isAllowedExternalUrl('http://127.0.0.1:4000/o/oauth2/v2/auth', ['http://127.0.0.1:4000']),
    true,
  );
});
