// The set-up every browser e2e test shares: a Google sandbox, a real
// `dropline serve` pointed at it with the given channels connected (and
// folders watched), and a Chromium page on its UI that records page errors.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../helpers/browser.ts';
import {
  connectSandboxChannel,
  startSandboxedServe,
  type SandboxedServe,
} from '../../helpers/sandbox-channel.ts';

export interface ServeInChromiumOptions {
  /** Sandbox channels connected before the page opens. */
  channels: string[];
  /** Folders watched (for the given channels) before the page opens. */
  folders?: { path: string; channelIds: string[] }[];
  /** Extra environment for `dropline serve`. */
  env?: Record<string, string>;
  /** The page's size; Playwright's default when left out. */
  viewport?: { width: number; height: number };
}

export interface ServeInChromium extends SandboxedServe {
  browser: Browser;
  page: Page;
  /** Uncaught errors in the page, in order: a test ends by asserting there were none. */
  pageErrors: string[];
}

/** Starts it all and waits for the UI's navigation; `close` stops the browser, then serve and the sandbox. */
export async function openServeInChromium(
  dir: string,
  dataDir: string,
  options: ServeInChromiumOptions,
): Promise<ServeInChromium> {
  const running = await startSandboxedServe(dir, dataDir, options.env);
  let browser: Browser | undefined;
  try {
    for (const channelId of options.channels)
      await connectSandboxChannel(running.engine, running.sandbox, channelId);
    for (const folder of options.folders ?? [])
      await running.engine.api.invoke('folders.add', folder);
    browser = await launchChromium();
    const page = await browser.newPage(options.viewport ? { viewport: options.viewport } : {});
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(running.serve.openUrl);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    const opened = browser;
    return {
      ...running,
      browser: opened,
      page,
      pageErrors,
      async close() {
        await opened.close();
        await running.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await running.close();
    throw error;
  }
}

/** Drops files onto the window the way a browser does: a DataTransfer on dragenter, dragover and drop. */
export async function dropFiles(
  page: Page,
  files: { name: string; bytes: Buffer; type: string }[],
): Promise<void> {
  await page.evaluate(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list)
        dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    files.map((f) => ({ ...f, bytes: [...f.bytes] })),
  );
}
