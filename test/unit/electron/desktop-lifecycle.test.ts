import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop-app.ts';
import { fakeRenderer } from '../../helpers/desktop-fixtures.ts';
import { clickMenuItem, FakeElectron } from '../../helpers/fake-electron.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const env = { DROPLINE_LOG_LEVEL: 'error' };

async function start(fake: FakeElectron, dir: string, argv: string[] = []) {
  return startDesktop(
    fake.module,
    { preload: '/p/preload.cjs', rendererDir: fakeRenderer(dir), trayIcons: '/icons' },
    env,
    { platform: 'linux', argv },
  );
}

describe('closing the window and quitting (fake electron)', () => {
  const dir = tempDir();
  const userData = join(dir.path, 'userData');
  const fake = new FakeElectron(userData);
  let desktop: Desktop | null;

  beforeAll(async () => {
    desktop = await start(fake, dir.path);
  });
  afterAll(async () => {
    if (fake.exitCode === null) await desktop?.core.close();
    dir.remove();
  });

  test('with nothing active, closing the window closes it (and quits on Linux)', async () => {
    const other = new FakeElectron(join(dir.path, 'idle'));
    const idle = await start(other, dir.path);
    assert.ok(idle);
    assert.equal(other.windows[0]?.userClose(), true, 'the window closed');
    assert.equal(await other.exited(), 0, 'window-all-closed quit the app cleanly');
    assert.equal(existsSync(join(dir.path, 'idle', 'engine.lock')), false, 'lock released');
  });

  test('with a watched folder, closing keeps Dropline in the tray; the first time a notice says so', async () => {
    const videos = join(dir.path, 'videos');
    mkdirSync(videos);
    const added = await desktop!.core.router.dispatch(
      'folders.add',
      { path: videos, channelIds: ['UC_a'] },
      { transport: 'ipc' },
    );
    assert.ok(added.ok, JSON.stringify(added));
    const win = fake.windows[0]!;
    assert.equal(win.visible, true);
    assert.equal(win.userClose(), false, 'kept');
    assert.equal(win.visible, false, 'hidden into the tray');
    assert.equal(fake.exitCode, null);
    const hints = () =>
      desktop!.core.services.notices
        .list()
        .notices.filter((n) => n.title === 'Dropline keeps running in the tray');
    assert.equal(hints().length, 1);
    assert.equal(fake.notifications.at(-1)?.title, 'Dropline keeps running in the tray');
    clickMenuItem(fake.tray.menu, 'Open Dropline');
    assert.equal(win.visible, true);
    win.userClose();
    assert.equal(hints().length, 1, 'only the first time');
  });

  test('the keep-in-tray setting off: the window closes and the app quits', async () => {
    const other = new FakeElectron(join(dir.path, 'no-tray'));
    const d = await start(other, dir.path);
    const videos = join(dir.path, 'videos2');
    mkdirSync(videos);
    const added = await d!.core.router.dispatch(
      'folders.add',
      { path: videos, channelIds: ['UC_a'] },
      { transport: 'ipc' },
    );
    assert.ok(added.ok, JSON.stringify(added));
    d!.core.services.settings.set({ keepInTray: false });
    assert.equal(other.windows[0]?.userClose(), true);
    assert.equal(await other.exited(), 0);
  });

  test('Quit in the tray stops the engine, destroys the tray, releases the lock and exits 0', async () => {
    clickMenuItem(fake.tray.menu, 'Quit Dropline');
    assert.equal(fake.exitCode, null, 'quit waits for the graceful stop');
    assert.equal(await fake.exited(), 0);
    assert.equal(fake.tray.destroyed, true);
    assert.equal(existsSync(join(userData, 'engine.lock')), false);
    assert.equal(fake.windows.length, 0);
  });
});

describe('start at login opens only the tray', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  test('--start-hidden: a tray and no window; Open Dropline makes one', async () => {
    const fake = new FakeElectron(join(dir.path, 'userData'));
    const d = await start(fake, dir.path, ['/opt/Dropline/dropline', '--start-hidden']);
    assert.equal(fake.windows.length, 0);
    assert.equal(fake.trays.length, 1);
    clickMenuItem(fake.tray.menu, 'Open Dropline');
    assert.equal(fake.windows.length, 1);
    assert.deepEqual(fake.windows[0]?.loaded, ['app://dropline/index.html']);
    await d?.core.close();
  });
});

describe('a start that fails shows a native dialog and exits', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  test('another engine holds the data folder', async () => {
    const userData = join(dir.path, 'locked');
    mkdirSync(userData, { recursive: true });
    // The test runner's parent is alive and is not us: a running engine as far as the lock goes.
    writeFileSync(join(userData, 'engine.lock'), String(process.ppid));
    const fake = new FakeElectron(userData);
    assert.equal(await start(fake, dir.path), null);
    assert.equal(fake.exitCode, 1);
    assert.equal(fake.errorBoxes[0]?.title, 'Dropline is already running');
    assert.match(fake.errorBoxes[0]?.content ?? '', new RegExp(`pid ${process.ppid}`));
    assert.match(fake.errorBoxes[0]?.content ?? '', /tray|menu bar/);
    assert.equal(fake.windows.length, 0);
  });

  test('the database cannot be read', async () => {
    const userData = join(dir.path, 'corrupt');
    mkdirSync(userData, { recursive: true });
    writeFileSync(
      join(userData, 'dropline.db'),
      'this is not a database, just forty-two bytes '.repeat(100),
    );
    const fake = new FakeElectron(userData);
    assert.equal(await start(fake, dir.path), null);
    assert.equal(fake.exitCode, 1);
    assert.equal(fake.errorBoxes[0]?.title, 'Dropline cannot read its database');
    assert.match(fake.errorBoxes[0]?.content ?? '', /Data folder: /);
    assert.equal(existsSync(join(userData, 'engine.lock')), false, 'the lock is given back');
  });

  test('the key provider is misconfigured', async () => {
    const fake = new FakeElectron(join(dir.path, 'keys'));
    const d = await startDesktop(
      fake.module,
      { preload: '/p', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
      { ...env, DROPLINE_KEY_PROVIDER: 'keychian' },
      { platform: 'linux', argv: [] },
    );
    assert.equal(d, null);
    assert.equal(fake.exitCode, 1);
    assert.equal(fake.errorBoxes[0]?.title, 'Dropline cannot open its key store');
    assert.match(fake.errorBoxes[0]?.content ?? '', /keychian/);
  });
});
