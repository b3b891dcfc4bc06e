// A simulated Electron for running the BUILT desktop app (out/main) under Node, backed by a
// real Chromium through playwright-core:
// - a BrowserWindow is a Chromium page; its `app://dropline/...` requests are answered by the
//   handler the app registered with `protocol.handle('app', ...)` (the page sees the origin
//   http://dropline.localhost, a secure context Chromium will route; senders are reported to
//   the app under their app:// URL);
// - the window's preload is the real built preload bundle, run before the page's scripts with
//   `require('electron')` giving contextBridge, ipcRenderer (a Playwright binding into
//   ipcMain) and webUtils;
// - app lifecycle, Tray, Menu, Notification and dialogs follow Electron's semantics and report
//   to the test over Node IPC (protocol.ts), which can click the tray, close the window, etc.
import { readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import type { FromApp, MenuItemView, ToApp } from './protocol.ts';

type Listener = (...args: unknown[]) => unknown;
interface Template {
  label?: string;
  enabled?: boolean;
  type?: string;
  click?: () => void;
  submenu?: Template[];
}

const PAGE_ORIGIN = 'http://dropline.localhost';
const toApp = (url: string) => url.replace(/^http:\/\/dropline\.localhost/, 'app://dropline');
const toPage = (url: string) => url.replace(/^app:\/\/dropline/, PAGE_ORIGIN);

function report(message: FromApp): void {
  process.send?.(message);
}

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  /** True when a listener called preventDefault on the event object. */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const l of [...(this.listeners.get(event) ?? [])]) l(e, ...args);
    return prevented;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) l(...args);
  }
}

// ---- the browser -----------------------------------------------------------------------

const env = process.env;
// Electron's main process logs an unhandled rejection and goes on; Node would exit with 1.
process.on('unhandledRejection', (reason) => {
  console.error(
    `Unhandled rejection in the main process: ${String((reason as Error)?.stack ?? reason)}`,
  );
});
let context: BrowserContext | null = null;
// Chromium starts with the app's `whenReady` (a CLI-mode start never asks for it).
let started: Promise<void> | null = null;
const ready = (): Promise<void> => (started ??= launch());
const launch = async (): Promise<void> => {
  const cdpPort = Number(env.FAKE_ELECTRON_CDP_PORT);
  context = await chromium.launchPersistentContext(env.FAKE_ELECTRON_PROFILE ?? '', {
    executablePath: env.FAKE_ELECTRON_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--remote-debugging-port=${cdpPort}`,
    ],
  });
  // A request still in flight when the app quits has nobody to answer; Chromium drops it.
  await context.route(`${PAGE_ORIGIN}/**`, (route) =>
    serveAppProtocol(route).catch(() => undefined),
  );
  await context.exposeBinding('__fakeElectronInvoke', (source, channel: string, args: unknown[]) =>
    invokeFromPage(source.page, channel, args),
  );
  report({ type: 'ready', cdpPort });
};

const protocolHandlers = new Map<string, (req: { url: string }) => Response | Promise<Response>>();

async function serveAppProtocol(route: Route): Promise<void> {
  const handler = protocolHandlers.get('app');
  if (!handler) return route.fulfill({ status: 404, body: 'no app protocol handler' });
  const response = await handler({ url: toApp(route.request().url()) });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  await route.fulfill({
    status: response.status,
    headers,
    body: Buffer.from(await response.arrayBuffer()),
  });
}

// ---- ipcMain and the renderer side of the bridge --------------------------------------

const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();

async function invokeFromPage(page: Page, channel: string, args: unknown[]): Promise<unknown> {
  const win = windows.find((w) => w.page === page);
  const handler = ipcHandlers.get(channel);
  if (!win || !handler) throw new Error(`No handler registered for '${channel}'`);
  const event = {
    sender: { id: win.webContents.id },
    senderFrame: { url: toApp(page.mainFrame().url()), parent: null },
  };
  return handler(event, ...args);
}

/** Runs in the page before its scripts: `require('electron')` for the real preload bundle. */
function rendererShim(preloadSource: string): string {
  return `(() => {
    const listeners = new Map();
    window.__fakeElectronDeliver = (channel, args) => {
      for (const l of listeners.get(channel) ?? []) l({ sender: null }, ...args);
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (name, api) => { window[name] = api; } },
      ipcRenderer: {
        invoke: (channel, ...args) => window.__fakeElectronInvoke(channel, args),
        on: (channel, l) => { listeners.set(channel, [...(listeners.get(channel) ?? []), l]); },
        removeListener: (channel, l) => {
          listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== l));
        },
      },
      // Dragged files carry their OS path in Electron; the test names them in __droplineTestPaths.
      webUtils: { getPathForFile: (file) => (window.__droplineTestPaths ?? {})[file.name] ?? '' },
    };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('the sandboxed preload cannot require ' + name);
    };
    const module = { exports: {} };
    (function (require, module, exports) {
${preloadSource}
    })(require, module, module.exports);
  })();`;
}

// ---- windows ---------------------------------------------------------------------------

let nextId = 1;
const windows: BrowserWindow[] = [];

class WebContents extends Emitter {
  readonly id = nextId++;
  readonly #win: BrowserWindow;
  constructor(win: BrowserWindow) {
    super();
    this.#win = win;
  }
  send(channel: string, ...args: unknown[]): void {
    const page = this.#win.page;
    if (!page || page.isClosed()) return;
    void page
      .evaluate(
        ([c, a]) =>
          (
            globalThis as never as { __fakeElectronDeliver(c: unknown, a: unknown): void }
          ).__fakeElectronDeliver(c, a),
        [channel, args] as const,
      )
      .catch(() => undefined);
  }
  setWindowOpenHandler(): void {}
}

export class BrowserWindow extends Emitter {
  readonly webContents: WebContents;
  page: Page | null = null;
  visible = false;
  destroyed = false;
  readonly #opened: Promise<Page>;
  constructor(options: { webPreferences?: { preload?: string } }) {
    super();
    this.webContents = new WebContents(this);
    windows.push(this);
    const preload = options.webPreferences?.preload;
    this.#opened = ready().then(async () => {
      const page = await context!.newPage();
      if (preload)
        await page.addInitScript({ content: rendererShim(readFileSync(preload, 'utf8')) });
      this.page = page;
      return page;
    });
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getFocusedWindow(): BrowserWindow | null {
    return windows.find((w) => w.visible) ?? null;
  }
  async loadURL(url: string): Promise<void> {
    const page = await this.#opened;
    await page.goto(toPage(url));
    report({ type: 'window', id: this.webContents.id, url });
    this.emit('ready-to-show');
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  show(): void {
    this.#setVisible(true);
  }
  hide(): void {
    this.#setVisible(false);
  }
  isVisible(): boolean {
    return this.visible;
  }
  #setVisible(visible: boolean): void {
    this.visible = visible;
    report({ type: 'window-visible', id: this.webContents.id, visible });
  }
  /** The user's close button: 'close' listeners may keep the window (hide it). */
  userClose(): void {
    if (this.emitPreventable('close')) return;
    void this.destroy();
  }
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    windows.splice(windows.indexOf(this), 1);
    await this.page?.close().catch(() => undefined);
    this.webContents.emit('destroyed');
    this.emit('closed');
    report({ type: 'window-closed', id: this.webContents.id });
    if (windows.length === 0 && !quitting) app.emit('window-all-closed');
  }
}

// ---- app ---------------------------------------------------------------------------------

let quitting = false;

async function exitProcess(code: number): Promise<void> {
  report({ type: 'exiting', code });
  await context?.close().catch(() => undefined);
  process.exit(code);
}

class App extends Emitter {
  readonly isPackaged = false;
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return ready();
  }
  getPath(name: string): string {
    if (name === 'exe') return process.execPath;
    return env.FAKE_ELECTRON_USER_DATA ?? '';
  }
  getVersion(): string {
    return '0.1.0';
  }
  getAppPath(): string {
    return process.cwd();
  }
  setLoginItemSettings(): void {}
  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  quit(): void {
    if (this.emitPreventable('before-quit')) return;
    quitting = true;
    void (async () => {
      for (const win of [...windows]) await win.destroy();
      if (this.emitPreventable('will-quit')) return;
      this.emit('quit', {}, 0);
      await exitProcess(0);
    })();
  }
  exit(code = 0): void {
    void exitProcess(code);
  }
}

export const app = new App();

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    ipcHandlers.set(channel, handler);
  },
};

export const protocol = { registerSchemesAsPrivileged(): void {} };

export const session = {
  defaultSession: {
    setPermissionRequestHandler(): void {},
    setPermissionCheckHandler(): void {},
    protocol: {
      handle(scheme: string, handler: (req: { url: string }) => Response | Promise<Response>) {
        protocolHandlers.set(scheme, handler);
      },
    },
  },
};

/** The user's browser: a new tab in the same Chromium, where the test can click through. */
export const shell = {
  async openExternal(url: string): Promise<void> {
    report({ type: 'open-external', url });
    const page = await context!.newPage();
    await page.goto(url).catch(() => undefined);
  },
};

const notifications: Notification[] = [];

export class Notification extends Emitter {
  readonly title: string;
  readonly body: string;
  constructor(options: { title: string; body: string }) {
    super();
    this.title = options.title;
    this.body = options.body;
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    notifications.push(this);
    report({ type: 'notification', title: this.title, body: this.body });
  }
}

export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
};

export const dialog = {
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
  showErrorBox(title: string, content: string): void {
    report({ type: 'error-box', title, content });
  },
  async showMessageBox() {
    return { response: 0 };
  },
};

const view = (items: Template[]): MenuItemView[] =>
  items.map((i) => ({
    label: i.type === 'separator' ? null : (i.label ?? null),
    enabled: i.enabled !== false,
  }));

let tray: Tray | null = null;

export class Tray {
  image: string;
  tooltip = '';
  menu: Template[] = [];
  readonly #clicks: (() => void)[] = [];
  constructor(image: string) {
    this.image = image;
    // The one tray the test's clicks go to.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    tray = this;
    this.#report();
  }
  setImage(image: string): void {
    this.image = image;
    this.#report();
  }
  setToolTip(text: string): void {
    this.tooltip = text;
    this.#report();
  }
  setContextMenu(menu: { template: Template[] }): void {
    this.menu = menu.template;
    this.#report();
  }
  on(_event: 'click', listener: () => void): void {
    this.#clicks.push(listener);
  }
  destroy(): void {
    tray = null;
  }
  #report(): void {
    report({ type: 'tray', image: this.image, tooltip: this.tooltip, menu: view(this.menu) });
  }
}

export const Menu = {
  buildFromTemplate: (template: Template[]) => ({ template }),
  setApplicationMenu(): void {},
};

process.on('message', (raw) => {
  const message = raw as ToApp;
  switch (message.type) {
    case 'close-window':
      windows[0]?.userClose();
      break;
    case 'tray-click': {
      const item = tray?.menu.find((i) => i.label === message.label);
      if (item && item.enabled !== false) item.click?.();
      break;
    }
    case 'notification-click':
      notifications.find((n) => n.title === message.title)?.emit('click');
      break;
  }
});
