import type { SafeStorageLike } from '../vault/safe-storage-like.ts';

/**
 * The slice of Electron's API the desktop shell uses. Declared here so the
 * wiring can be unit-tested against a fake object on machines where the
 * Electron runtime cannot start; main.ts checks the real module fits it.
 */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  /** The page is gone for good (its window closed or crashed away): its calls are abandoned. */
  once(event: 'destroyed', listener: () => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** What a closing window's listener may do: keep it (hide to the tray instead). */
export interface CloseEventLike {
  preventDefault(): void;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  show(): void;
  hide(): void;
  isVisible(): boolean;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
  on(event: 'close', listener: (event: CloseEventLike) => void): void;
}

/** The Electron menu roles Dropline's menus use. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'window'
  | 'help';

/** A menu item as Electron's `Menu.buildFromTemplate` takes it (the part Dropline uses). */
export interface MenuItemTemplate {
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  accelerator?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface TrayLike {
  /** A PNG's path (Electron picks the @2x file itself). */
  setImage(image: string): void;
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface MessageBoxOptions {
  type: 'none' | 'info' | 'error' | 'question' | 'warning';
  title: string;
  message: string;
  detail?: string;
  buttons: string[];
  defaultId?: number;
  cancelId?: number;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  protocol: {
    handle(
      scheme: string,
      handler: (request: { url: string; method?: string }) => Response | Promise<Response>,
    ): void;
  };
}

export interface OpenDialogOptions {
  title: string;
  properties: ('openDirectory' | 'openFile' | 'multiSelections')[];
  filters?: { name: string; extensions: string[] }[];
}

export interface OpenDialogLike {
  /**
   * `window` is Electron's BaseWindow, far wider than BrowserWindowLike, so
   * it is typed loosely here; the shell only passes windows Electron gave it.
   */
  showOpenDialog(
    window: object,
    options: OpenDialogOptions,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface ElectronLike {
  app: {
    requestSingleInstanceLock(): boolean;
    quit(): void;
    exit(code?: number): void;
    whenReady(): Promise<unknown>;
    on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
    on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
    /** Every webContents the app creates, whatever made it: the global guard hooks in here. */
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: WebContentsLike) => void,
    ): unknown;
    getPath(name: 'userData' | 'exe'): string;
    getVersion(): string;
    getAppPath(): string;
    isPackaged: boolean;
    setLoginItemSettings(settings: {
      openAtLogin: boolean;
      openAsHidden?: boolean;
      args?: string[];
    }): void;
    getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin?: boolean };
    /** macOS only. */
    dock?: { hide(): void; show(): unknown };
  };
  BrowserWindow: (new (options: Record<string, unknown>) => BrowserWindowLike) & {
    getFocusedWindow(): BrowserWindowLike | null;
  };
  ipcMain: {
    handle(channel: string, handler: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  };
  protocol: {
    registerSchemesAsPrivileged(
      schemes: { scheme: string; privileges: Record<string, boolean> }[],
    ): void;
  };
  session: { defaultSession: SessionLike };
  shell: { openExternal(url: string): Promise<void> };
  Notification: (new (options: { title: string; body: string }) => NotificationLike) & {
    isSupported(): boolean;
  };
  safeStorage: SafeStorageLike;
  dialog: OpenDialogLike & {
    /** Synchronous and usable before `ready`: the start-up failure dialog. */
    showErrorBox(title: string, content: string): void;
    showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  };
  Tray: new (image: string) => TrayLike;
  Menu: {
    buildFromTemplate(template: MenuItemTemplate[]): unknown;
    setApplicationMenu(menu: unknown): void;
  };
}
