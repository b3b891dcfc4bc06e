import { configFromEnv } from '../core/config.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { acquireEngineLock } from '../engine-process/engine-lock.ts';
import { localApiController } from './local-api.ts';
import { APP_ORIGIN } from './ipc-channels.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
import { denyAllPermissions, guardWindow } from './guard-navigation.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { installFolderDialog } from './folder-dialog.ts';
import { installVideoDialog } from './video-dialog.ts';
import { installIpc } from './ipc.ts';
import { windowOptions } from './window-options.ts';
import { isAllowedExternalUrl } from './external-links.ts';

export interface DesktopPaths {
  preload: string;
  rendererDir: string;
}

export interface Desktop {
  core: Core;
  window(): BrowserWindowLike | null;
}

/**
 * Wires Electron to the core. Returns null when another instance owns the
 * single-instance lock (that instance is focused instead).
 */
export async function startDesktop(
  electron: ElectronLike,
  paths: DesktopPaths,
  env: Record<string, string | undefined>,
): Promise<Desktop | null> {
  if (!electron.app.requestSingleInstanceLock()) {
    electron.app.quit();
    return null;
  }
  registerAppScheme(electron);
  await electron.app.whenReady();

  const config = configFromEnv({
    env,
    mode: 'desktop',
    version: electron.app.getVersion(),
    desktopUserData: electron.app.getPath('userData'),
  });
  const releaseLock = acquireEngineLock(config.dataDir);
  const core = createCore(config, { safeStorage: electron.safeStorage });
  const extraOrigins = config.googleBaseUrl ? [new URL(config.googleBaseUrl).origin] : [];

  // Sign-in: only a validated Google (or sandbox) authorization URL goes to the browser.
  core.services.channels.connect.onAuthorizationUrl((url) => {
    if (isAllowedExternalUrl(url, extraOrigins)) void electron.shell.openExternal(url);
    else core.log.warn('refused to open an authorization URL outside the allowlist');
  });
  denyAllPermissions(electron);
  handleAppProtocol(electron.session.defaultSession, paths.rendererDir, extraOrigins);

  let mainWindow: BrowserWindowLike | null = null;
  const createWindow = (): void => {
    const win = new electron.BrowserWindow(windowOptions(paths.preload));
    guardWindow(electron, win, extraOrigins);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      mainWindow = null;
    });
    mainWindow = win;
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  };

  installIpc(electron, core.router, core.events, () => mainWindow);
  installFolderDialog(electron, () => mainWindow);
  installVideoDialog(electron, () => mainWindow);
  core.events.subscribe((event, payload) => {
    if (event !== 'app.noticed' || !core.services.settings.get().notifications) return;
    if (!electron.Notification.isSupported()) return;
    const notice = payload as { title: string; message: string };
    new electron.Notification({ title: notice.title, body: notice.message }).show();
  });
  const localApi = localApiController(core, paths.rendererDir);
  await localApi.sync();

  electron.app.on('second-instance', () => {
    if (!mainWindow) return createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  electron.app.on('activate', () => {
    if (!mainWindow) createWindow();
  });
  electron.app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') electron.app.quit();
  });
  let closing = false;
  electron.app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void (async () => {
      await localApi.stop();
      await core.close();
      releaseLock();
      electron.app.exit(0);
    })();
  });

  createWindow();
  return { core, window: () => mainWindow };
}
