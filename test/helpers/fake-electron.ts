import { EventEmitter } from 'node:events';
import type {
  BrowserWindowLike,
  CloseEventLike,
  ElectronLike,
  IpcEventLike,
  MenuItemTemplate,
  MessageBoxOptions,
  SessionLike,
  WebContentsLike,
} from '../../src-main/electron/electron-like.ts';

type Listener = (...args: never[]) => unknown;

export interface FakeWindow extends BrowserWindowLike {
  options: Record<string, unknown>;
  listeners: Map<string, Listener[]>;
  loaded: string[];
  visible: boolean;
  destroyed: boolean;
  /** What the page's `ipcRenderer` hears: every `webContents.send` of this window. */
  renderer: EventEmitter;
  webContents: WebContentsLike & { sent: unknown[][]; listeners: Map<string, Listener[]> };
  /** What the user's close button does: 'close' listeners may keep the window (hidden). */
  userClose(): boolean;
  /** The window goes for good (a crash, or the app closing it): its webContents is destroyed. */
  destroy(): void;
}

export interface FakeTray {
  image: string;
  tooltip: string;
  menu: MenuItemTemplate[];
  destroyed: boolean;
  click(): void;
}

export interface FakeNotification {
  title: string;
  body: string;
  click(): void;
}

/** Finds a menu item by its label (anywhere in the tree) and clicks it. */
export function clickMenuItem(menu: MenuItemTemplate[], label: string | RegExp): void {
  const find = (items: MenuItemTemplate[]): MenuItemTemplate | undefined => {
    for (const item of items) {
      if (
        item.label !== undefined &&
        (typeof label === 'string' ? item.label === label : label.test(item.label))
      )
        return item;
      const inner = item.submenu ? find(item.submenu) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const item = find(menu);
  if (!item)
    throw new Error(`no menu item ${String(label)} in ${JSON.stringify(menu.map((m) => m.label))}`);
  if (item.enabled === false) throw new Error(`menu item ${String(label)} is disabled`);
  item.click?.();
}

/**
 * A stand-in for the Electron module that records what the shell asks of
 * it, so its wiring is checked on machines where Electron cannot start.
 * The app lifecycle follows Electron's: quit() emits before-quit (which may
 * be prevented), then will-quit and quit; `exitCode` is set by exit() or a
 * finished quit.
 */
export class FakeElectron {
  singleInstance = true;
  quitCalled = false;
  exitCode: number | null = null;
  isPackaged = false;
  readonly windows: FakeWindow[] = [];
  readonly ipcHandlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  readonly appListeners = new Map<string, Listener[]>();
  readonly privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly protocolHandlers = new Map<
    string,
    (request: { url: string; method?: string }) => Response | Promise<Response>
  >();
  readonly opened: string[] = [];
  readonly notifications: FakeNotification[] = [];
  readonly trays: FakeTray[] = [];
  applicationMenu: MenuItemTemplate[] | null = null;
  readonly loginItems: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }[] = [];
  wasOpenedAtLogin = false;
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: MessageBoxOptions[] = [];
  /** The button the next message box answers with. */
  messageBoxResponse = 0;
  /** Every webContents created, in order (for the global guard). */
  readonly webContents: (WebContentsLike & { listeners: Map<string, Listener[]> })[] = [];
  permissionHandler:
    ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  windowOpenHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  /** The window the OS says has focus (null: none, e.g. the app is in the background). */
  focusedWindow: BrowserWindowLike | null = null;
  /** What the next open dialog answers; each call is recorded in `dialogs`. */
  dialogAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
  readonly dialogs: { window: object; properties: string[]; filters: string[] }[] = [];
  #nextId = 1;
  #module: ElectronLike | null = null;

  readonly userData: string;

  constructor(userData: string) {
    this.userData = userData;
  }

  /**
   * The `ipcRenderer` of a window's page: `invoke` reaches the `ipcMain`
   * handlers as a call from that window's top frame at our origin, `on`
   * hears what main sends the window.
   */
  ipcRendererOf(win: BrowserWindowLike): {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
    removeListener(
      channel: string,
      listener: (event: unknown, ...args: unknown[]) => void,
    ): unknown;
    listenerCount(channel: string): number;
  } {
    const renderer = (win as unknown as { renderer: EventEmitter }).renderer;
    return {
      invoke: async (channel, ...args) => {
        const handler = this.ipcHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        const event = {
          sender: { id: win.webContents.id },
          senderFrame: { url: 'app://dropline/index.html', parent: null },
        };
        return handler(event, ...args);
      },
      on: (channel, listener) => renderer.on(channel, listener),
      removeListener: (channel, listener) => renderer.removeListener(channel, listener),
      listenerCount: (channel) => renderer.listenerCount(channel),
    };
  }

  emitApp(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const listener of this.appListeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(e, ...args);
    return prevented;
  }

  /** Resolves once the app has exited (a finished quit or exit()). */
  exited(): Promise<number> {
    return new Promise((resolve) => {
      const check = () => (this.exitCode !== null ? resolve(this.exitCode) : setImmediate(check));
      check();
    });
  }

  get tray(): FakeTray {
    const tray = this.trays.at(-1);
    if (!tray) throw new Error('no tray');
    return tray;
  }

  get module(): ElectronLike {
    this.#module ??= this.#build();
    return this.#module;
  }

  #build(): ElectronLike {
    // The fake window and app objects below report back to this instance.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => void (fake.permissionHandler = h),
      setPermissionCheckHandler: (h) => void (fake.permissionCheck = h),
      protocol: { handle: (scheme, handler) => void fake.protocolHandlers.set(scheme, handler) },
    };
    const newContents = (renderer: EventEmitter) => {
      const listeners = new Map<string, Listener[]>();
      const sent: unknown[][] = [];
      const contents = {
        id: fake.#nextId++,
        sent,
        listeners,
        send: (channel: string, ...args: unknown[]) => {
          sent.push([channel, ...args]);
          renderer.emit(channel, { sender: null }, ...args);
        },
        on: (event: string, listener: Listener) =>
          void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
        once: (event: string, listener: Listener) =>
          void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
        setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) =>
          void (fake.windowOpenHandler = h),
      };
      fake.webContents.push(contents as never);
      fake.emitApp('web-contents-created', contents);
      return contents;
    };
    class Window {
      readonly options: Record<string, unknown>;
      readonly listeners = new Map<string, Listener[]>();
      readonly loaded: string[] = [];
      visible = false;
      destroyed = false;
      readonly renderer = new EventEmitter();
      readonly webContents: WebContentsLike & {
        sent: unknown[][];
        listeners: Map<string, Listener[]>;
      };
      constructor(options: Record<string, unknown>) {
        this.options = options;
        this.webContents = newContents(this.renderer) as never;
        fake.windows.push(this as never);
      }
      async loadURL(url: string) {
        this.loaded.push(url);
        for (const l of this.listeners.get('ready-to-show') ?? []) (l as () => void)();
        this.listeners.delete('ready-to-show');
      }
      isMinimized = () => false;
      restore = () => undefined;
      focus = () => undefined;
      show = () => void (this.visible = true);
      hide = () => void (this.visible = false);
      isVisible = () => this.visible;
      once = (event: string, listener: Listener) =>
        void this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      on = (event: string, listener: Listener) =>
        void this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      userClose(): boolean {
        let kept = false;
        const event: CloseEventLike = { preventDefault: () => (kept = true) };
        for (const l of this.listeners.get('close') ?? [])
          (l as (e: CloseEventLike) => void)(event);
        if (kept) return false;
        this.destroy();
        return true;
      }
      destroy() {
        if (this.destroyed) return;
        this.destroyed = true;
        this.visible = false;
        for (const l of this.webContents.listeners.get('destroyed') ?? []) (l as () => void)();
        this.webContents.listeners.delete('destroyed');
        for (const l of this.listeners.get('closed') ?? []) (l as () => void)();
        fake.windows.splice(fake.windows.indexOf(this as never), 1);
        if (fake.windows.length === 0 && fake.exitCode === null) fake.emitApp('window-all-closed');
      }
      static getFocusedWindow = () => fake.focusedWindow;
    }
    class Tray implements FakeTray {
      image: string;
      tooltip = '';
      menu: MenuItemTemplate[] = [];
      destroyed = false;
      readonly #clicks: (() => void)[] = [];
      constructor(image: string) {
        this.image = image;
        fake.trays.push(this);
      }
      setImage = (image: string) => void (this.image = image);
      setToolTip = (text: string) => void (this.tooltip = text);
      setContextMenu = (menu: unknown) =>
        void (this.menu = (menu as { template: MenuItemTemplate[] }).template);
      on = (_event: 'click', listener: () => void) => void this.#clicks.push(listener);
      click = () => this.#clicks.forEach((l) => l());
      destroy = () => void (this.destroyed = true);
    }
    const quit = (): void => {
      fake.quitCalled = true;
      if (fake.emitApp('before-quit')) return;
      for (const win of [...fake.windows]) (win as unknown as { destroy(): void }).destroy();
      if (fake.emitApp('will-quit')) return;
      fake.emitApp('quit');
      fake.exitCode ??= 0;
    };
    return {
      app: {
        requestSingleInstanceLock: () => fake.singleInstance,
        quit,
        exit: (code = 0) => void (fake.exitCode ??= code),
        whenReady: async () => undefined,
        on: (event: string, listener: Listener) =>
          fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]),
        getPath: (name: string) => (name === 'exe' ? '/opt/Dropline/dropline' : fake.userData),
        getVersion: () => '9.9.9',
        getAppPath: () => '/opt/Dropline/resources/app.asar',
        get isPackaged() {
          return fake.isPackaged;
        },
        setLoginItemSettings: (s) => void fake.loginItems.push(s),
        getLoginItemSettings: () => ({
          openAtLogin: fake.loginItems.at(-1)?.openAtLogin ?? false,
          wasOpenedAtLogin: fake.wasOpenedAtLogin,
        }),
      },
      BrowserWindow: Window as never,
      ipcMain: { handle: (channel, handler) => void fake.ipcHandlers.set(channel, handler) },
      protocol: {
        registerSchemesAsPrivileged: (schemes) => void fake.privilegedSchemes.push(...schemes),
      },
      session: { defaultSession: session },
      shell: { openExternal: async (url) => void fake.opened.push(url) },
      Notification: Object.assign(
        class {
          readonly title: string;
          readonly body: string;
          readonly #clicks: (() => void)[] = [];
          constructor(o: { title: string; body: string }) {
            this.title = o.title;
            this.body = o.body;
          }
          on(_event: 'click', listener: () => void) {
            this.#clicks.push(listener);
          }
          click() {
            this.#clicks.forEach((l) => l());
          }
          show() {
            fake.notifications.push(this);
          }
        },
        { isSupported: () => true },
      ),
      safeStorage: {
        isEncryptionAvailable: () => false,
        encryptString: () => Buffer.alloc(0),
        decryptString: () => '',
      },
      dialog: {
        showOpenDialog: async (window, options) => {
          fake.dialogs.push({
            window,
            properties: [...options.properties],
            filters: (options.filters ?? []).flatMap((f) => f.extensions),
          });
          return fake.dialogAnswer;
        },
        showErrorBox: (title, content) => void fake.errorBoxes.push({ title, content }),
        showMessageBox: async (options) => {
          fake.messageBoxes.push(options);
          return { response: fake.messageBoxResponse };
        },
      },
      Tray: Tray as never,
      Menu: {
        buildFromTemplate: (template) => ({ template }),
        setApplicationMenu: (menu) =>
          void (fake.applicationMenu =
            (menu as { template: MenuItemTemplate[] } | null)?.template ?? null),
      },
    } as ElectronLike;
  }
}
