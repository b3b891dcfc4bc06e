import { isAppUrl } from './ipc-channels.ts';
import type { BrowserWindowLike, ElectronLike, WebContentsLike } from './electron-like.ts';
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
  guardContents(electron, window.webContents, extraOrigins);
}

/**
 * The same rules for every webContents the app ever creates (a devtools
 * page, a window some future code opens), installed once before the first
 * window: a guard nobody remembered to add is still there.
 */
export function guardAllWebContents(electron: ElectronLike, extraOrigins: string[]): void {
  electron.app.on('web-contents-created', (_event, contents) =>
    guardContents(electron, contents, extraOrigins),
  );
}

function guardContents(
  electron: ElectronLike,
  contents: WebContentsLike,
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
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(electron: ElectronLike): void {
  const session = electron.session.defaultSession;
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
