import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../system-tools.ts';
import { freePort } from '../free-port.ts';
import type { FromApp, ToApp } from './protocol.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REGISTER = fileURLToPath(new URL('./register.ts', import.meta.url));
export const BUILT_MAIN = fileURLToPath(new URL('../../../out/main/main.js', import.meta.url));

export interface SimulatedDesktop {
  child: ChildProcess;
  messages: FromApp[];
  /** Resolves with the first message (already seen or coming) that matches. */
  next<T extends FromApp['type']>(
    type: T,
    ok?: (m: Extract<FromApp, { type: T }>) => boolean,
  ): Promise<Extract<FromApp, { type: T }>>;
  send(message: ToApp): void;
  /** The same Chromium, seen by the test over CDP (the app's pages and the "user's browser" tabs). */
  context: BrowserContext;
  window(): Promise<Page>;
  exited: Promise<number | null>;
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Runs the built desktop main bundle (`out/main/main.js`) under Node with the
 * Chromium-backed fake Electron in place of the `electron` module.
 */
export async function startSimulatedDesktop(opts: {
  userData: string;
  profile: string;
  env: Record<string, string>;
}): Promise<SimulatedDesktop> {
  const cdpPort = await freePort();
  const child = spawn(process.execPath, ['--import', REGISTER, BUILT_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...opts.env,
      FAKE_ELECTRON_CDP_PORT: String(cdpPort),
      FAKE_ELECTRON_PROFILE: opts.profile,
      FAKE_ELECTRON_USER_DATA: opts.userData,
      FAKE_ELECTRON_CHROMIUM: CHROMIUM_PATH,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let err = '';
  child.stderr?.on('data', (c) => (err += String(c)));
  const messages: FromApp[] = [];
  const waiters: { test(m: FromApp): boolean; resolve(m: FromApp): void }[] = [];
  child.on('message', (raw) => {
    const m = raw as FromApp;
    messages.push(m);
    for (const w of [...waiters])
      if (w.test(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const next: SimulatedDesktop['next'] = (type, ok) =>
    new Promise((resolve, reject) => {
      const test = (m: FromApp) => m.type === type && (ok ? ok(m as never) : true);
      const seen = messages.find(test);
      if (seen) return resolve(seen as never);
      waiters.push({ test, resolve: resolve as (m: FromApp) => void });
      void exited.then((code) =>
        reject(new Error(`the app exited (${code}) before "${type}": ${err.slice(-2000)}`)),
      );
    });
  await next('ready');
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const context = browser.contexts()[0]!;
  return {
    child,
    messages,
    next,
    send: (m) => child.send(m),
    context,
    async window() {
      await next('window');
      return appPage(context, exited);
    },
    exited,
    stderr: () => err,
    async close() {
      // Playwright in the app closes its Chromium on SIGTERM; SIGKILL only if that hangs.
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      await browser.close().catch(() => undefined);
    },
  };
}

const showsApp = (page: Page): boolean => page.url().startsWith('http://dropline.localhost/');

/**
 * The page that shows the app. A window's page is made blank and then navigates to the app, so
 * the page can be there before its address is: wait for a new page or a navigation of any page,
 * not only for a new page (which never came when the blank page had been made already).
 */
function appPage(context: BrowserContext, exited: Promise<number | null>): Promise<Page> {
  return new Promise<Page>((resolve, reject) => {
    const watched = new Set<Page>();
    const stop = () => {
      context.off('page', watch);
      for (const page of watched) page.off('framenavigated', check);
    };
    const check = () => {
      const page = context.pages().find(showsApp);
      if (!page) return;
      stop();
      resolve(page);
    };
    function watch(page: Page) {
      if (!watched.has(page)) page.on('framenavigated', check);
      watched.add(page);
      check();
    }
    context.on('page', watch);
    context.pages().forEach(watch);
    check();
    void exited.then((code) => {
      stop();
      reject(new Error(`the app exited (${code}) before its window showed the app`));
    });
  });
}
