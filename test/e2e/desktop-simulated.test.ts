import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startGoogleSandbox, type GoogleSandbox } from '../fakes/google-sandbox/index.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import {
  BUILT_MAIN,
  startSimulatedDesktop,
  type SimulatedDesktop,
} from '../helpers/chromium-electron/launch.ts';
import { clientSecretJson } from '../helpers/client-secret-json.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';
const MiB = 1024 * 1024;

function video(dir: string, name: string, size: number) {
  const bytes = randomBytes(size);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, name, size, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A drag from the file manager: the OS gives Electron the path, the preload hands it over. */
async function dropOnChannel(page: Page, channelId: string, file: { name: string; path: string }) {
  await page.evaluate(
    ({ channelId, name, path }) => {
      const w = window as unknown as { __droplineTestPaths?: Record<string, string> };
      w.__droplineTestPaths = { ...w.__droplineTestPaths, [name]: path };
      const target = document.querySelector(
        `[data-testid="channel-group"][data-channel-id="${channelId}"]`,
      );
      if (!target) throw new Error('no channel header');
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(16)], name, { type: 'video/mp4' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    { channelId, ...file },
  );
}

/** The preload's bridge (window.dropline), as the page sees it. */
interface Bridge {
  invoke(method: string, input: unknown): Promise<{ ok: boolean; output?: unknown }>;
}

function jobRow(userData: string, file: string) {
  const db = new Database(join(userData, 'dropline.db'), { readonly: true });
  try {
    const job = db.prepare('SELECT id, state FROM jobs WHERE file_path = ?').get(file) as
      { id: string; state: string } | undefined;
    const quitPaused = db.prepare('SELECT job_id FROM quit_paused_jobs').pluck().all();
    return { job, quitPaused };
  } finally {
    db.close();
  }
}

describe('the built desktop app in a simulated Electron (real Chromium)', { skip }, () => {
  const dir = tempDir('dropline-desktop-');
  const userData = join(dir.path, 'userData');
  const keyFile = join(dir.path, 'master.key');
  let sandbox: GoogleSandbox;
  let app: SimulatedDesktop | null = null;
  let env: Record<string, string>;
  let page: Page;
  let first: ReturnType<typeof video>;
  let second: ReturnType<typeof video>;

  beforeAll(async () => {
    assert.ok(
      existsSync(BUILT_MAIN),
      'out/main has no build: run `npm run build` first (npm test does)',
    );
    sandbox = await startGoogleSandbox();
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    env = {
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      DROPLINE_KEY_PROVIDER: 'file',
      DROPLINE_MASTER_KEY_FILE: keyFile,
      DROPLINE_LOG_LEVEL: 'info',
    };
    first = video(dir.path, 'ep1.mp4', 600 * 1024);
    second = video(dir.path, 'ep2.mp4', 20 * MiB);
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    dir.remove();
  });

  test('start: the window loads through app:// with the real preload bridge, and the tray is idle', async () => {
    app = await startSimulatedDesktop({ userData, profile: join(dir.path, 'profile-1'), env });
    page = await app.window();
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    // Inline casts: the callbacks run in the page, where nothing of this module exists.
    const bridge = await page.evaluate(() =>
      Object.keys((window as unknown as { dropline: object }).dropline).sort(),
    );
    assert.deepEqual(bridge, [
      'invoke',
      'onEvent',
      'onOpen',
      'pathForFile',
      'pickFolder',
      'pickVideos',
    ]);
    const info = await page.evaluate(() =>
      (window as unknown as { dropline: Bridge }).dropline.invoke('app.info', {}),
    );
    assert.deepEqual(info.ok && (info.output as { mode: string; dataDir: string }).mode, 'desktop');
    const tray = await app.next('tray', (m) => m.menu.length > 0);
    assert.match(tray.image, /assets\/tray\/idle\.png$/);
  });

  test('connect a sandbox channel: Connect opens the consent page in the browser, Allow connects', async () => {
    await page.getByRole('button', { name: 'Channels', exact: true }).click();
    await page.getByTestId('client-file').setInputFiles({
      name: 'client_secret.json',
      mimeType: 'application/json',
      buffer: Buffer.from(clientSecretJson(sandbox)),
    });
    await page.getByTestId('client-summary').waitFor();
    const consentOpened = app!.context.waitForEvent(
      'page',
      (p) => !p.url().startsWith('http://dropline.localhost'),
    );
    await page.getByRole('button', { name: 'Connect a channel' }).click();
    const opened = await app!.next('open-external');
    assert.ok(opened.url.startsWith(`${sandbox.baseUrl}/o/oauth2/v2/auth?`));
    const consent = await consentOpened;
    await consent.waitForLoadState();
    await consent.locator(`[data-channel-id="${COOKS}"]`).check();
    await consent.getByTestId('consent-allow').click();
    await consent.getByText('return to Dropline').waitFor();
    await consent.close();
    await page
      .getByTestId('connect-message')
      .getByText(/Connected "Alice Cooks"/)
      .waitFor();
  });

  test('drop a video onto the channel: it uploads to done, and the OS notification says so', async () => {
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await page.locator(`[data-testid="channel-group"][data-channel-id="${COOKS}"]`).waitFor();
    await dropOnChannel(page, COOKS, first);
    await app!.next('notification', (m) => m.title === 'Uploaded "ep1"');
    const videos = sandbox.inspect.channel(COOKS).videos.filter((v) => v.sha256 === first.sha256);
    assert.equal(videos.length, 1);
    assert.equal(videos[0]?.byteLength, first.size);
  });

  test('close the window: the upload goes on, the tray shows it', async () => {
    sandbox.faults.set({ bandwidthBytesPerSec: 2 * MiB });
    await dropOnChannel(page, COOKS, second);
    await waitUntil(() =>
      sandbox.inspect
        .sessions()
        .some((s) => s.declaredLength === second.size && s.received > 256 * 1024),
    );
    const before = app!.messages.length;
    app!.send({ type: 'close-window' });
    await app!.next('window-visible', (m) => !m.visible);
    assert.ok(
      !app!.messages.slice(before).some((m) => m.type === 'window-closed' || m.type === 'exiting'),
      'the window is hidden, not closed, and the app runs on',
    );
    await app!.next('notification', (m) => m.title === 'Dropline keeps running in the tray');
    const uploading = await app!.next(
      'tray',
      (m) =>
        /uploading\.png$/.test(m.image) &&
        m.menu.some((i) => /^Alice Cooks: 1 uploading, \d+%$/.test(i.label ?? '')),
    );
    const pct = (t: typeof uploading) =>
      Number(/(\d+)%/.exec(t.menu.find((i) => /uploading/.test(i.label ?? ''))!.label!)![1]);
    await app!.next(
      'tray',
      (m) => m.menu.some((i) => /uploading/.test(i.label ?? '')) && pct(m) > pct(uploading),
    );
  });

  test('quit from the tray: a clean exit that pauses the running upload', async () => {
    app!.send({ type: 'tray-click', label: 'Quit Dropline' });
    assert.equal((await app!.next('exiting')).code, 0);
    assert.equal(await app!.exited, 0);
    await app!.close();
    app = null;
    const { job, quitPaused } = jobRow(userData, second.path);
    assert.equal(job?.state, 'paused');
    assert.deepEqual(quitPaused, [job?.id]);
  });

  test('start again: the paused upload resumes where it was and finishes, exactly once', async () => {
    sandbox.faults.set({ bandwidthBytesPerSec: null });
    app = await startSimulatedDesktop({ userData, profile: join(dir.path, 'profile-2'), env });
    await app.next('notification', (m) => m.title === 'Uploaded "ep2"');
    const videos = sandbox.inspect.channel(COOKS).videos.filter((v) => v.sha256 === second.sha256);
    assert.equal(videos.length, 1, 'one video');
    assert.equal(videos[0]?.byteLength, second.size);
    const sessions = sandbox.inspect.sessions().filter((s) => s.declaredLength === second.size);
    assert.equal(sessions.length, 1, 'the same resumable session, not a new upload');
    app.send({ type: 'tray-click', label: 'Quit Dropline' });
    assert.equal(await app.exited, 0, app.stderr() + JSON.stringify(app.messages.slice(-5)));
    assert.equal(jobRow(userData, second.path).job?.state, 'done');
  });
});

async function waitUntil(ok: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
