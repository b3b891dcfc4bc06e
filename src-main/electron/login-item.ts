import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ElectronLike } from './electron-like.ts';

/** Passed by every start at login: Dropline then opens only its tray, no window. */
export const HIDDEN_FLAG = '--start-hidden';

export function autostartFile(env: Record<string, string | undefined>): string {
  const config = env.XDG_CONFIG_HOME?.trim() || join(env.HOME ?? homedir(), '.config');
  return join(config, 'autostart', 'dropline.desktop');
}

/** Desktop Entry spec: an argument with spaces or specials is quoted; ", `, $ and \\ escaped. */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Dropline',
    'Comment=Keeps uploading your videos from the tray',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Icon=dropline',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * The command that starts this Dropline: an AppImage is started through its
 * own file (the mounted path changes every run); a development build needs
 * the app folder after the Electron binary.
 */
export function launchCommand(
  electron: ElectronLike,
  env: Record<string, string | undefined>,
): string[] {
  if (env.APPIMAGE) return [env.APPIMAGE, HIDDEN_FLAG];
  const exe = electron.app.getPath('exe');
  return electron.app.isPackaged
    ? [exe, HIDDEN_FLAG]
    : [exe, electron.app.getAppPath(), HIDDEN_FLAG];
}

/**
 * Start at login: Electron's login items on macOS and Windows, an XDG
 * autostart entry on Linux (written when on, removed when off).
 */
export function applyLoginItem(
  electron: ElectronLike,
  enabled: boolean,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): void {
  if (platform === 'darwin' || platform === 'win32') {
    electron.app.setLoginItemSettings({
      openAtLogin: enabled,
      // macOS reports the login start itself (wasOpenedAtLogin); Windows passes our flag.
      openAsHidden: enabled,
      args: platform === 'win32' && enabled ? [HIDDEN_FLAG] : [],
    });
    return;
  }
  const file = autostartFile(env);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, autostartEntry(launchCommand(electron, env)), { mode: 0o644 });
}

/** True when this start came from the login item: show the tray only. */
export function startedAtLogin(
  electron: ElectronLike,
  argv: readonly string[],
  platform: NodeJS.Platform,
): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && electron.app.getLoginItemSettings().wasOpenedAtLogin === true;
}
