import { APP_ORIGIN, IPC_OPEN } from './ipc-channels.ts';
import type { BrowserWindowLike, CloseEventLike, ElectronLike } from './electron-like.ts';
import { guardWindow } from './guard-navigation.ts';
import type { OpenTarget } from './os-notifications.ts';
import { windowOptions } from './window-options.ts';

export interface MainWindow {
  current(): BrowserWindowLike | null;
  /** Shows the window (creating it if needed), on `target`'s screen when given. */
  open(target?: OpenTarget): void;
}

/**
 * The one Dropline window. `onClose` decides whether a close really closes
 * it or hides it into the tray.
 */
export function mainWindow(
  electron: ElectronLike,
  preload: string,
  extraOrigins: string[],
  onClose: (event: CloseEventLike, window: BrowserWindowLike) => void,
): MainWindow {
  let win: BrowserWindowLike | null = null;
  const create = (target?: OpenTarget): void => {
    const created = new electron.BrowserWindow(windowOptions(preload));
    guardWindow(electron, created, extraOrigins);
    created.once('ready-to-show', () => created.show());
    created.on('close', (event) => onClose(event, created));
    created.on('closed', () => {
      if (win === created) win = null;
    });
    win = created;
    // A new window starts on the asked-for screen (the renderer reads the hash).
    void created.loadURL(`${APP_ORIGIN}/index.html${target ? `#/${target.screen}` : ''}`);
  };
  return {
    current: () => win,
    open(target) {
      if (!win) return create(target);
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      if (target) win.webContents.send(IPC_OPEN, target);
    },
  };
}
