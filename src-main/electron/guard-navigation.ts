import { isAppUrl } from './ipc-channels.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
import { isAllowedExternalUrl } from './external-links.ts';

/**
 * The window never leaves our origin: navigation is cancelled, new windows
 * are denied (allowlisted https links open in the user's browser instead),
 * webviews cannot attach, and every permission request is refused.
 */
export function guardWindow(
  electron: ElectronLike,
  window: BrowserWindowLike,
  extraOrigins: string[],
): void {
  const openOutside = (url: string): void => {
    if (isAllowedExternalUrl(url, extraOrigins)) void electron.shell.openExternal(url);
  };
  const block = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openOutside(url);
    }
  };
  window.webContents.on('will-navigate', block);
  window.webContents.on('will-redirect', block);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(electron: ElectronLike): void {
  const session = electron.session.defaultSession;
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
