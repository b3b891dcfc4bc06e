import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop-app.ts';
import { autostartEntry, quoteExecArg } from '../../../src-main/electron/login-item.ts';
import { fakeRenderer } from '../../helpers/desktop-fixtures.ts';
import { FakeElectron } from '../../helpers/fake-electron.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('start at login on Linux: an XDG autostart entry', () => {
  const dir = tempDir();
  const xdg = join(dir.path, 'xdg-config');
  const file = join(xdg, 'autostart', 'dropline.desktop');
  const fake = new FakeElectron(join(dir.path, 'userData'));
  let desktop: Desktop | null;

  beforeAll(async () => {
    fake.isPackaged = true;
    desktop = await startDesktop(
      fake.module,
      { preload: '/p', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
      { DROPLINE_LOG_LEVEL: 'error', XDG_CONFIG_HOME: xdg, HOME: join(dir.path, 'home') },
      {
        platform: 'linux',
        argv: [],
        updater: async () => ({ kind: 'unsupported', message: 'test' }),
      },
    );
  });
  afterAll(async () => {
    await desktop?.core.close();
    dir.remove();
  });

  test('off by default: no entry', () => {
    assert.equal(desktop?.core.services.settings.get().startAtLogin, false);
    assert.equal(existsSync(file), false);
  });

  test('turned on: $XDG_CONFIG_HOME/autostart/dropline.desktop starts the app hidden', () => {
    desktop!.core.services.settings.set({ startAtLogin: true });
    assert.equal(
      readFileSync(file, 'utf8'),
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Dropline',
        'Comment=Keeps uploading your videos from the tray',
        'Exec=/opt/Dropline/dropline --start-hidden',
        'Icon=dropline',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    assert.deepEqual(fake.loginItems, [], 'no Electron login item on Linux');
  });

  test('turned off: the entry is removed', () => {
    desktop!.core.services.settings.set({ startAtLogin: false });
    assert.equal(existsSync(file), false);
  });

  test('paths with spaces and specials are quoted as the Desktop Entry spec says', () => {
    assert.equal(
      quoteExecArg('/home/me/Apps/Drop Line.AppImage'),
      '"/home/me/Apps/Drop Line.AppImage"',
    );
    assert.equal(quoteExecArg('/a/$HOME"x`'), '"/a/\\$HOME\\"x\\`"');
    assert.match(
      autostartEntry(['/x y/app', '--start-hidden']),
      /^Exec="\/x y\/app" --start-hidden$/m,
    );
  });
});

describe('start at login on macOS and Windows: Electron login items', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  for (const platform of ['darwin', 'win32'] as const)
    test(`${platform}: setLoginItemSettings follows the setting`, async () => {
      const fake = new FakeElectron(join(dir.path, platform));
      const d = await startDesktop(
        fake.module,
        { preload: '/p', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
        { DROPLINE_LOG_LEVEL: 'error' },
        { platform, argv: [] },
      );
      d!.core.services.settings.set({ startAtLogin: true });
      d!.core.services.settings.set({ startAtLogin: false });
      assert.deepEqual(fake.loginItems, [
        {
          openAtLogin: true,
          openAsHidden: true,
          args: platform === 'win32' ? ['--start-hidden'] : [],
        },
        { openAtLogin: false, openAsHidden: false, args: [] },
      ]);
      await d?.core.close();
    });

  test('macOS: a start the system made at login shows no window', async () => {
    const fake = new FakeElectron(join(dir.path, 'mac-login'));
    fake.wasOpenedAtLogin = true;
    const d = await startDesktop(
      fake.module,
      { preload: '/p', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
      { DROPLINE_LOG_LEVEL: 'error' },
      { platform: 'darwin', argv: [] },
    );
    assert.equal(fake.windows.length, 0);
    assert.equal(fake.tray.image, '/icons/idleTemplate.png');
    await d?.core.close();
  });
});
