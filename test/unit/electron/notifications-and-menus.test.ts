import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { appMenuTemplate } from '../../../src-main/electron/app-menu.ts';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop-app.ts';
import type { MenuItemTemplate } from '../../../src-main/electron/electron-like.ts';
import { IPC_OPEN } from '../../../src-main/electron/ipc-channels.ts';
import { fakeRenderer } from '../../helpers/desktop-fixtures.ts';
import { clickMenuItem, FakeElectron } from '../../helpers/fake-electron.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const roles = (items: MenuItemTemplate[] = []): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu)]);

describe('OS notifications (fake electron)', () => {
  const dir = tempDir();
  const fake = new FakeElectron(join(dir.path, 'userData'));
  let desktop: Desktop | null;

  beforeAll(async () => {
    desktop = await startDesktop(
      fake.module,
      { preload: '/p', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
      { DROPLINE_LOG_LEVEL: 'error' },
      { platform: 'linux', argv: [] },
    );
  });
  afterAll(async () => {
    await desktop?.core.close();
    dir.remove();
  });

  const post = (kind: 'upload_done' | 'upload_failed' | 'cookie_expiring', title: string) =>
    desktop!.core.services.notices.post({
      level: 'info',
      kind,
      title,
      message: 'm',
      channelId: 'UC_a',
      jobId: 'job-7',
    });

  test('each notice is shown, unless its kind (or all notifications) is switched off', () => {
    post('upload_done', 'one');
    desktop!.core.services.settings.set({ notifyUploadDone: false });
    post('upload_done', 'two');
    post('upload_failed', 'three');
    desktop!.core.services.settings.set({ notifications: false });
    post('upload_failed', 'four');
    desktop!.core.services.settings.set({ notifications: true, notifyUploadDone: true });
    assert.deepEqual(
      fake.notifications.map((n) => n.title),
      ['one', 'three'],
    );
    assert.equal(desktop!.core.services.notices.list().notices.length, 4, 'the bell keeps all');
  });

  test('a click marks the notice read and opens its screen in the window', () => {
    const notice = post('upload_failed', 'click me');
    const shown = fake.notifications.find((n) => n.title === 'click me');
    const win = fake.windows[0]!;
    win.hide();
    shown!.click();
    assert.equal(win.visible, true);
    assert.deepEqual(win.webContents.sent.filter((s) => s[0] === IPC_OPEN).at(-1), [
      IPC_OPEN,
      { screen: 'queue', jobId: 'job-7' },
    ]);
    assert.equal(desktop!.core.services.notices.get(notice.id)?.read, true);
  });

  test('with no window yet (a start at login), a click opens one on the right screen', async () => {
    const other = new FakeElectron(join(dir.path, 'hidden'));
    const d = await startDesktop(
      other.module,
      { preload: '/p', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
      { DROPLINE_LOG_LEVEL: 'error' },
      { platform: 'linux', argv: ['--start-hidden'] },
    );
    assert.equal(other.windows.length, 0);
    d!.core.services.notices.post({
      level: 'warning',
      kind: 'cookie_expiring',
      title: 'cookies',
      message: 'm',
    });
    other.notifications.find((n) => n.title === 'cookies')!.click();
    assert.deepEqual(other.windows[0]?.loaded, ['app://dropline/index.html#/cookies']);
    await d?.core.close();
  });

  test('the application menu is installed, never with DevTools in a packaged build', () => {
    const menu = fake.applicationMenu;
    assert.ok(menu);
    assert.deepEqual(
      menu.map((m) => m.label),
      ['File', 'Edit', 'View', 'Window', 'Help'],
    );
    // This fake is a development build: DevTools are there.
    assert.ok(roles(menu).includes('toggleDevTools'));
    clickMenuItem(menu, 'Settings');
    assert.deepEqual(fake.windows[0]?.webContents.sent.at(-1), [IPC_OPEN, { screen: 'settings' }]);
  });
});

describe('the application menu', () => {
  const actions = {
    open: () => undefined,
    checkForUpdates: () => undefined,
    quit: () => undefined,
    openScreen: () => undefined,
    openHelp: () => undefined,
  };

  test('packaged: Edit has the clipboard roles, no DevTools and no reload anywhere', () => {
    const menu = appMenuTemplate({ platform: 'linux', development: false, actions });
    const edit = menu.find((m) => m.label === 'Edit');
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
      assert.ok(roles(edit?.submenu).includes(role), role);
    assert.equal(roles(menu).includes('toggleDevTools'), false);
    assert.equal(roles(menu).includes('reload'), false);
    assert.ok(
      menu.find((m) => m.label === 'Help')?.submenu?.some((i) => i.label === 'Check for Updates…'),
    );
  });

  test('macOS: the app menu first, with About, Settings, Check for Updates, Hide and Quit', () => {
    const menu = appMenuTemplate({ platform: 'darwin', development: false, actions });
    assert.deepEqual(
      menu.map((m) => m.label),
      ['Dropline', 'File', 'Edit', 'View', 'Window', 'Help'],
    );
    const app = menu[0]!.submenu!;
    assert.ok(roles(app).includes('about') && roles(app).includes('hide'));
    assert.ok(app.some((i) => i.label === 'Settings…' && i.accelerator === 'CmdOrCtrl+,'));
    assert.ok(app.some((i) => i.label === 'Check for Updates…'));
    assert.ok(app.some((i) => i.label === 'Quit Dropline'));
  });
});

describe('the global web-contents-created guard', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  test('any webContents, not only the main window, refuses navigation, webviews and new windows', async () => {
    const fake = new FakeElectron(join(dir.path, 'userData'));
    const d = await startDesktop(
      fake.module,
      { preload: '/p', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
      { DROPLINE_LOG_LEVEL: 'error' },
      { platform: 'linux', argv: [] },
    );
    // A window some other code opens, without guardWindow.
    new fake.module.BrowserWindow({});
    const stray = fake.webContents.at(-1)!;
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    for (const l of stray.listeners.get('will-navigate') ?? [])
      (l as (e: unknown, url: string) => void)(event, 'https://evil.example/');
    for (const l of stray.listeners.get('will-attach-webview') ?? [])
      (l as (e: unknown) => void)(event);
    assert.equal(prevented, 2);
    assert.deepEqual(fake.windowOpenHandler?.({ url: 'https://evil.example/' }), {
      action: 'deny',
    });
    // The main window has both guards.
    assert.equal(fake.webContents[0]?.listeners.get('will-navigate')?.length, 2);
    await d?.core.close();
  });
});
