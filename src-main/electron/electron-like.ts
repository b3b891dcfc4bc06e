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
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  show(): void;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  protocol: {
    handle(
      scheme: string,
      handler: (request: { url: string }) => Response | Promise<Response>,
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
    getPath(name: 'userData'): string;
    getVersion(): string;
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
  Notification: (new (options: { title: string; body: string }) => { show(): void }) & {
    isSupported(): boolean;
  };
  safeStorage: SafeStorageLike;
  dialog: OpenDialogLike;
}
