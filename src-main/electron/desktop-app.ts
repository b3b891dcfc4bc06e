import type { Notice } from '../../src-shared/domain/notice.ts';
import { configFromEnv, type CoreConfig } from '../core/config.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { acquireEngineLock } from '../engine-process/engine-lock.ts';
import type { UpdaterSource } from '../updates/updater-like.ts';
import { appMenuTemplate } from './app-menu.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { DesktopState } from './desktop-state.ts';
import type { BrowserWindowLike, ElectronLike, NotificationLike } from './electron-like.ts';
import { isAllowedExternalUrl } from './external-links.ts';
import { installFolderDialog } from './folder-dialog.ts';
import { denyAllPermissions, guardAllWebContents } from './guard-navigation.ts';
import { installIpc } from './ipc.ts';
import { localApiController } from './local-api.ts';
import { applyLoginItem, startedAtLogin } from './login-item.ts';
import { mainWindow, type MainWindow } from './main-window.ts';
import { showOsNotification, type OpenTarget } from './os-notifications.ts';
import { failStart } from './start-failure.ts';
import { installTray, type ShellActions, type TrayController } from './tray.ts';
import { checkForUpdatesFromMenu } from './update-dialogs.ts';
import { desktopUpdaterSource } from './updater.ts';
import { installVideoDialog } from './video-dialog.ts';

export interface DesktopPaths {
  preload: string;
  rendererDir: string;
  /** The tray's PNGs (assets/tray; resources/tray in the packaged app). */
  trayIcons: string;
}

export interface DesktopOptions {
  platform?: NodeJS.Platform;
  argv?: readonly string[];
  /** Tests: another updater than electron-updater's (which a development build lacks anyway). */
  updater?: (electron: ElectronLike) => Promise<UpdaterSource>;
}

export interface Desktop {
  core: Core;
  window(): BrowserWindowLike | null;
  tray: TrayController;
  /** The same as the tray's "Quit": pauses running uploads, stops the engine, exits. */
  quit(): void;
}

const TRAY_HINT_KEY = 'tray_hint_shown';

/**
 * Wires Electron to the core. Returns null when another instance owns the
 * single-instance lock (that instance is focused instead) or the start
 * failed (a dialog said why and the app exits).
 */
export async function startDesktop(
  electron: ElectronLike,
  paths: DesktopPaths,
  env: Record<string, string | undefined>,
  opts: DesktopOptions = {},
): Promise<Desktop | null> {
  const platform = opts.platform ?? process.platform;
  const argv = opts.argv ?? process.argv;
  if (!electron.app.requestSingleInstanceLock()) {
    electron.app.quit();
    return null;
  }
  registerAppScheme(electron);
  let config: CoreConfig | null = null;
  let core: Core;
  let releaseLock: () => void;
  try {
    config = configFromEnv({
      env,
      mode: 'desktop',
      version: electron.app.getVersion(),
      desktopUserData: electron.app.getPath('userData'),
    });
    await electron.app.whenReady();
    releaseLock = acquireEngineLock(config.dataDir);
    try {
      const updater = await (opts.updater ?? ((e) => desktopUpdaterSource(e, env)))(electron);
      core = createCore(config, { safeStorage: electron.safeStorage, updater });
    } catch (error) {
      releaseLock();
      throw error;
    }
  } catch (error) {
    failStart(electron, error, config?.dataDir ?? null);
    return null;
  }
  const extraOrigins = config.googleBaseUrl ? [new URL(config.googleBaseUrl).origin] : [];
  const settings = () => core.services.settings.get();
  const state = new DesktopState(core.db);

  guardAllWebContents(electron, extraOrigins);
  denyAllPermissions(electron);
  handleAppProtocol(electron.session.defaultSession, paths.rendererDir, extraOrigins);
  // Sign-in: only a validated Google (or sandbox) authorization URL goes to the browser.
  core.services.channels.connect.onAuthorizationUrl((url) => {
    if (isAllowedExternalUrl(url, extraOrigins)) void electron.shell.openExternal(url);
    else core.log.warn('refused to open an authorization URL outside the allowlist');
  });

  let quitting: 'no' | 'stopping' | 'done' = 'no';
  let tray: TrayController | null = null;
  const keepsRunning = (): boolean =>
    (tray?.summary().active ?? 0) > 0 || core.services.watch.list().some((f) => f.enabled);
  const window: MainWindow = mainWindow(electron, paths.preload, extraOrigins, (event, win) => {
    // A close while jobs or watched folders are active keeps Dropline running in the tray.
    if (quitting !== 'no' || !settings().keepInTray || !keepsRunning()) return;
    event.preventDefault();
    win.hide();
    if (state.get(TRAY_HINT_KEY) === null) {
      state.set(TRAY_HINT_KEY, new Date().toISOString());
      core.services.notices.post({
        level: 'info',
        title: 'Dropline keeps running in the tray',
        message:
          'Uploads and watched folders go on while the window is closed. Open Dropline or quit it from the tray icon.',
      });
    }
  });

  const quit = (): void => electron.app.quit();
  const actions: ShellActions = {
    open: (screen) => window.open(screen ? { screen } : undefined),
    checkForUpdates: () => void checkForUpdatesFromMenu(electron, core),
    quit,
  };
  tray = installTray(electron, core, paths.trayIcons, actions, platform);
  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(
      appMenuTemplate({
        platform,
        development: !electron.app.isPackaged,
        actions: {
          ...actions,
          openScreen: (screen) => window.open({ screen: screen as OpenTarget['screen'] }),
          openHelp: (url) => {
            if (isAllowedExternalUrl(url)) void electron.shell.openExternal(url);
          },
        },
      }),
    ),
  );

  installIpc(electron, core.router, core.events, () => window.current());
  installFolderDialog(electron, () => window.current());
  installVideoDialog(electron, () => window.current());

  // Electron drops a notification's click handler once the object is collected: keep the last few.
  const shown: NotificationLike[] = [];
  const onNotificationClick = (notice: Notice, target: OpenTarget): void => {
    core.services.notices.markRead([notice.id]);
    window.open(target);
  };
  core.events.subscribe((event, payload) => {
    if (event === 'app.noticed') {
      const n = showOsNotification(electron, payload as Notice, settings(), onNotificationClick);
      if (n) shown.push(n);
      if (shown.length > 20) shown.shift();
    }
  });

  // Start at login follows its setting (written at each start, so a moved app stays right).
  let loginItem = settings().startAtLogin;
  const syncLoginItem = (): void => {
    try {
      applyLoginItem(electron, loginItem, platform, env);
    } catch (error) {
      core.log.warn('could not update the start-at-login entry', { error });
    }
  };
  if (loginItem || platform === 'linux') syncLoginItem();
  core.events.subscribe((event) => {
    if (event !== 'settings.changed' || settings().startAtLogin === loginItem) return;
    loginItem = settings().startAtLogin;
    syncLoginItem();
  });

  const localApi = localApiController(core, paths.rendererDir);
  await localApi.sync();

  electron.app.on('second-instance', () => window.open());
  electron.app.on('activate', () => window.open());
  electron.app.on('window-all-closed', () => {
    // macOS apps stay in the menu bar without windows.
    if (platform !== 'darwin') quit();
  });
  // Quit stops gracefully: running uploads pause (and resume at the next start), then the engine stops.
  electron.app.on('before-quit', (event) => {
    if (quitting === 'done') return;
    event.preventDefault();
    if (quitting === 'stopping') return;
    quitting = 'stopping';
    void (async () => {
      try {
        const paused = await core.services.uploads.pauseForQuit();
        if (paused.length) core.log.info('paused uploads for the quit', { jobs: paused.length });
        tray?.destroy();
        await localApi.stop();
        await core.close();
      } catch (error) {
        console.error(`Dropline did not stop cleanly: ${(error as Error).message}`);
      } finally {
        releaseLock();
        quitting = 'done';
        electron.app.quit();
      }
    })();
  });

  // A start at login shows only the tray.
  if (!startedAtLogin(electron, argv, platform)) window.open();
  return { core, window: () => window.current(), tray, quit };
}
