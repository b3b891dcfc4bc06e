import type { MenuItemTemplate } from './electron-like.ts';
import type { ShellActions } from './tray.ts';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** DevTools and reload only in development builds (never in a packaged app). */
  development: boolean;
  actions: ShellActions & {
    openScreen(screen: 'settings' | 'queue' | 'folders' | 'channels'): void;
    openHelp(url: string): void;
  };
}

export const HELP_URLS = {
  youtubeStudio: 'https://studio.youtube.com/',
  quota: 'https://developers.google.com/youtube/v3/getting-started#quota',
  cloudConsole: 'https://console.cloud.google.com/apis/credentials',
} as const;

/**
 * The application menu: File, Edit (roles, so copy and paste work in every
 * field), View, Window, Help, and the app menu on macOS. Electron's default
 * menu (with DevTools) is never shown.
 */
export function appMenuTemplate(o: MenuOptions): MenuItemTemplate[] {
  const mac = o.platform === 'darwin';
  const a = o.actions;
  const settings: MenuItemTemplate = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => a.openScreen('settings'),
  };
  const updates: MenuItemTemplate = {
    label: 'Check for Updates…',
    click: () => a.checkForUpdates(),
  };
  const quit: MenuItemTemplate = {
    label: mac ? 'Quit Dropline' : 'Quit',
    accelerator: 'CmdOrCtrl+Q',
    click: () => a.quit(),
  };
  const appMenu: MenuItemTemplate = {
    label: 'Dropline',
    submenu: [
      { role: 'about' },
      updates,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      quit,
    ],
  };
  const file: MenuItemTemplate = {
    label: 'File',
    submenu: [
      { label: 'Queue', accelerator: 'CmdOrCtrl+1', click: () => a.openScreen('queue') },
      {
        label: 'Watched folders',
        accelerator: 'CmdOrCtrl+2',
        click: () => a.openScreen('folders'),
      },
      { label: 'Channels', accelerator: 'CmdOrCtrl+3', click: () => a.openScreen('channels') },
      ...(mac ? [] : [{ type: 'separator' } as MenuItemTemplate, settings]),
      { type: 'separator' },
      mac
        ? { role: 'close' }
        : { label: 'Close window', accelerator: 'CmdOrCtrl+W', role: 'close' },
      ...(mac ? [] : [quit]),
    ],
  };
  const edit: MenuItemTemplate = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as MenuItemTemplate] : []),
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemTemplate = {
    label: 'View',
    submenu: [
      ...(o.development
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemTemplate[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemTemplate = {
    label: 'Window',
    role: 'window',
    submenu: [
      { role: 'minimize' },
      { role: 'zoom' },
      ...(mac
        ? ([{ type: 'separator' }, { role: 'front' }] as MenuItemTemplate[])
        : [{ role: 'close' } as MenuItemTemplate]),
    ],
  };
  const help: MenuItemTemplate = {
    label: 'Help',
    role: 'help',
    submenu: [
      { label: 'YouTube Studio', click: () => a.openHelp(HELP_URLS.youtubeStudio) },
      { label: 'About YouTube quota', click: () => a.openHelp(HELP_URLS.quota) },
      { label: 'Google Cloud credentials', click: () => a.openHelp(HELP_URLS.cloudConsole) },
      ...(mac ? [] : [{ type: 'separator' } as MenuItemTemplate, updates]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
