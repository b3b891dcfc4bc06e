import { EventEmitter } from 'node:events';
import type {
  BrowserWindowLike,
  ElectronLike,
  IpcEventLike,
  SessionLike,
  WebContentsLike,
} from '../../src-main/electron/electron-like.ts';

type Listener = (...args: never[]) => unknown;

/**
 * A stand-in for the Electron module that records what the shell asks of
 * it, so its wiring is checked on machines where Electron cannot start.
 */
export class FakeElectron {
  singleInstance = true;
  quitCalled = false;
  readonly windows: (BrowserWindowLike & {
    options: Record<string, unknown>;
    listeners: Map<string, Listener[]>;
    loaded: string[];
    /** What the page's `ipcRenderer` hears: every `webContents.send` of this window. */
    renderer: EventEmitter;
  })[] = [];
  readonly ipcHandlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  readonly appListeners = new Map<string, Listener[]>();
  readonly privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly protocolHandlers = new Map<
    string,
    (request: { url: string }) => Response | Promise<Response>
  >();
  readonly opened: string[] = [];
  readonly notifications: { title: string; body: string }[] = [];
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

  get module(): ElectronLike {
    // The fake window and app objects below report back to this instance.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => void (fake.permissionHandler = h),
      setPermissionCheckHandler: (h) => void (fake.permissionCheck = h),
      protocol: { handle: (scheme, handler) => void fake.protocolHandlers.set(scheme, handler) },
    };
    class FakeWindow {
      readonly options: Record<string, unknown>;
      readonly listeners = new Map<string, Listener[]>();
      readonly loaded: string[] = [];
      readonly renderer = new EventEmitter();
      readonly webContents: WebContentsLike & { sent: unknown[][] };
      constructor(options: Record<string, unknown>) {
        this.options = options;
        const listeners = this.listeners;
        const renderer = this.renderer;
        const sent: unknown[][] = [];
        this.webContents = {
          id: fake.#nextId++,
          sent,
          send: (channel: string, ...args: unknown[]) => {
            sent.push([channel, ...args]);
            renderer.emit(channel, { sender: null }, ...args);
          },
          on: (event: string, listener: Listener) =>
            void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
          setWindowOpenHandler: (h) => void (fake.windowOpenHandler = h),
        } as WebContentsLike & { sent: unknown[][] };
        fake.windows.push(this as never);
      }
      async loadURL(url: string) {
        this.loaded.push(url);
      }
      isMinimized = () => false;
      restore = () => undefined;
      focus = () => undefined;
      show = () => undefined;
      once = () => undefined;
      on = () => undefined;
      static getFocusedWindow = () => fake.focusedWindow;
    }
    return {
      app: {
        requestSingleInstanceLock: () => fake.singleInstance,
        quit: () => void (fake.quitCalled = true),
        exit: () => undefined,
        whenReady: async () => undefined,
        on: (event: string, listener: Listener) =>
          fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]),
        getPath: () => fake.userData,
        getVersion: () => '9.9.9',
      },
      BrowserWindow: FakeWindow as never,
      ipcMain: { handle: (channel, handler) => void fake.ipcHandlers.set(channel, handler) },
      protocol: {
        registerSchemesAsPrivileged: (schemes) => void fake.privilegedSchemes.push(...schemes),
      },
      session: { defaultSession: session },
      shell: { openExternal: async (url) => void fake.opened.push(url) },
      Notification: Object.assign(
        class {
          readonly o: { title: string; body: string };
          constructor(o: { title: string; body: string }) {
            this.o = o;
          }
          show() {
            fake.notifications.push(this.o);
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
      },
    } as ElectronLike;
  }
}
