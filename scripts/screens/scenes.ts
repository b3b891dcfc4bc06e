import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Job } from '../../src-shared/domain/job.ts';
import type { EngineConnection } from '../../src-main/engine-process/engine-client.ts';
import { cookieFileText } from '../../test/integration/cookies/helpers.ts';
import {
  connectSandboxChannel,
  startSandboxedServe,
  type SandboxedServe,
} from '../../test/helpers/sandbox-channel.ts';
import type { SceneName } from './scene-names.ts';

export interface Scene {
  name: SceneName;
  show(page: Page): Promise<void>;
  /** Puts the page back for the next scene (closes a dialog, a menu). */
  hide?(page: Page): Promise<void>;
  /** A test id scrolled into view once shown: the state the scene is about. */
  focus?: string;
}

export interface World extends SandboxedServe {
  scenes: Scene[];
  /** A fresh one-time link: each page is its own browser profile. */
  link(): Promise<string>;
}

const COOKS = 'UCalice0000000000000000a';
const TRAVELS = 'UCalicebrand00000000000b';
const BOB = 'UCbob000000000000000000c';
const FIXTURE = new URL('../../test/fixtures/two-seconds.mp4', import.meta.url);

const goTo = (label: string) => async (page: Page) => {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { name: label, exact: true }).first().waitFor();
  // The pointer leaves the sidebar, so its tooltip is not in the picture.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 2, size.height - 2);
};
const escape = async (page: Page) => {
  await page.keyboard.press('Escape');
};

async function withLinks(running: SandboxedServe): Promise<Pick<World, 'link'>> {
  const base = new URL(running.serve.openUrl).origin;
  return {
    async link() {
      const { key } = await running.engine.api.invoke('ui.newLink', {});
      return `${base}/#token=${key}`;
    },
  };
}

/** Waits, by asking the engine, until a job reaches one of these states (a script, not a test). */
async function until(engine: EngineConnection, id: string, states: Job['state'][]): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const job = (await engine.api.invoke('jobs.list', {})).find((j) => j.id === id);
    if (job && states.includes(job.state)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} never reached ${states.join('/')}`);
}

async function addJob(
  engine: EngineConnection,
  dir: string,
  title: string,
  channelId: string,
  bytes = 256 * 1024,
) {
  const file = join(dir, `${title}.mp4`);
  writeFileSync(file, randomBytes(bytes));
  const { jobIds } = await engine.api.invoke('jobs.add', {
    uploads: [
      {
        file,
        channelId,
        metadata: {
          title,
          description: '',
          tags: [],
          categoryId: '22',
          privacy: 'private',
          publishAt: null,
          playlistId: null,
          madeForKids: false,
          containsSyntheticMedia: false,
        },
      },
    ],
  });
  return jobIds[0] as string;
}

/** A fresh install: nothing connected, nothing queued. */
export async function emptyWorld(root: string): Promise<World> {
  const running = await startSandboxedServe(root, join(root, 'data'));
  const scenes: Scene[] = [
    { name: 'queue-empty', show: goTo('Queue') },
    {
      name: 'add-upload-error',
      async show(page) {
        await goTo('Queue')(page);
        await page.getByRole('button', { name: 'Add upload' }).click();
        const form = page.getByRole('form', { name: 'Add upload' });
        await form.getByLabel('Video files').fill(join(root, 'missing.mp4'));
        await form.getByTestId('file-problems').waitFor();
      },
      async hide(page) {
        await page.getByRole('form', { name: 'Add upload' }).getByLabel('Video files').fill('');
        await page.getByRole('button', { name: 'Add upload' }).click();
      },
    },
    { name: 'channels-none', show: goTo('Channels') },
    {
      name: 'tiktok-none',
      async show(page) {
        await goTo('Channels')(page);
        await page
          .getByText(/TikTok/)
          .first()
          .scrollIntoViewIfNeeded();
      },
    },
    { name: 'folders-none', show: goTo('Folders') },
    { name: 'cookies-empty', show: goTo('Cookies') },
    { name: 'publishing-empty', show: goTo('Publishing') },
    { name: 'settings', show: goTo('Settings') },
    {
      // A tab whose link was already used elsewhere: the session banner, said once.
      name: 'session-expired-banner',
      async show(page) {
        const used = await running.engine.api.invoke('ui.newLink', {});
        const base = new URL(running.serve.openUrl).origin;
        const other = await page.context().browser()!.newContext();
        const first = await other.newPage();
        await first.goto(`${base}/#token=${used.key}`);
        await first.getByRole('navigation', { name: 'Screens' }).waitFor();
        await other.close();
        // This page forgets its own session: it is a stranger holding a used link now.
        await page.context().clearCookies();
        await page.evaluate('sessionStorage.clear(); localStorage.clear()');
        await page.goto('about:blank');
        await page.goto(`${base}/#token=${used.key}`);
        await page
          .locator('[data-testid="connection-banner"][data-state="unauthorized"]')
          .waitFor();
      },
    },
  ];
  return { ...running, ...(await withLinks(running)), scenes };
}

/** A creator's working day: every job state, a channel to reconnect, folders, downloads. */
export async function busyWorld(root: string): Promise<World> {
  const media = join(root, 'media');
  const watched = join(root, 'Exports');
  mkdirSync(media, { recursive: true });
  mkdirSync(watched, { recursive: true });
  const running = await startSandboxedServe(root, join(root, 'data'));
  const { engine, sandbox } = running;
  for (const id of [COOKS, TRAVELS, BOB]) await connectSandboxChannel(engine, sandbox, id);

  // Bob: a watched folder's video done, its copy skipped; a done, a failed, a quota wait.
  await engine.api.invoke('folders.add', {
    path: watched,
    channelIds: [BOB],
    stabilitySeconds: 0.2,
  });
  const video = readFileSync(FIXTURE);
  writeFileSync(join(watched, 'Dumplings.mp4'), video);
  const waitItem = async (name: string, state: string) => {
    const [folder] = await engine.api.invoke('folders.list', {});
    let last: unknown = null;
    for (let i = 0; i < 1200; i++) {
      const items = await engine.api.invoke('folders.items', { folderId: folder!.id });
      const item = items.find((it) => it.path === name);
      if (item?.state === state) return item;
      last = item ?? null;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${name} never ${state}; last seen: ${JSON.stringify(last)}`);
  };
  const first = await waitItem('Dumplings.mp4', 'queued');
  await until(engine, first.jobIds[0] as string, ['done']);
  writeFileSync(join(watched, 'Dumplings (copy).mp4'), video);
  await waitItem('Dumplings (copy).mp4', 'skipped');
  await until(engine, await addJob(engine, media, 'Knife skills', BOB), ['done']);
  sandbox.faults.set({
    failNext: { count: 1, status: 403, reason: 'forbidden', pathPrefix: '/upload' },
  });
  await until(engine, await addJob(engine, media, 'Pie crust', BOB), ['failed']);
  // Alice Cooks: one upload held slow, one queued behind it, one paused.
  await engine.api.invoke('settings.set', { bandwidthLimitKiBps: 1 });
  const slow = await addJob(engine, media, 'Cooking show 12', COOKS, 8 * 1024 * 1024);
  await until(engine, slow, ['uploading']);
  await addJob(engine, media, 'Pasta night', COOKS);
  const paused = await addJob(engine, media, 'Bread basics', COOKS);
  await engine.api.invoke('jobs.pause', { id: paused });

  // Alice Travels: its sign-in revoked at Google, so it needs reconnecting.
  sandbox.faults.revokeChannelTokens(TRAVELS);
  await engine.api.invoke('channels.check', { channelId: TRAVELS }).catch(() => undefined);

  await engine.api.invoke('schedules.set', {
    channelId: COOKS,
    rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0',
    tz: 'Europe/Berlin',
  });
  await engine.api.invoke('cookies.import', {
    content: cookieFileText([{ name: 'session', value: randomBytes(8).toString('hex') }]),
    fileName: 'youtube.txt',
    label: 'youtube',
  });
  // Nothing listens on port 9: the download fails at once, and stays failed.
  const failedDownload = await engine.api.invoke('downloads.start', {
    url: 'http://127.0.0.1:9/lecture.mp4',
    label: 'youtube',
    outDir: join(root, 'downloads'),
  });
  for (let i = 0; i < 600; i++) {
    const d = (await engine.api.invoke('downloads.list', {})).find(
      (x) => x.id === failedDownload.id,
    );
    if (d?.state === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const queueRow = (page: Page, title: string) =>
    page.locator('[data-testid="job-row"]', { hasText: title });
  const scenes: Scene[] = [
    { name: 'queue-populated', show: goTo('Queue') },
    {
      name: 'queue-bulk-edit',
      async show(page) {
        await goTo('Queue')(page);
        await queueRow(page, 'Pasta night')
          .getByRole('checkbox', { name: 'Select Pasta night' })
          .check();
        await queueRow(page, 'Bread basics')
          .getByRole('checkbox', { name: 'Select Bread basics' })
          .check();
        await page
          .getByRole('toolbar', { name: 'Selected jobs' })
          .getByRole('button', { name: 'Edit 2 selected' })
          .click();
        await page.getByRole('form', { name: 'Edit details' }).waitFor();
      },
      async hide(page) {
        await escape(page);
        await page.getByRole('form', { name: 'Edit details' }).waitFor({ state: 'detached' });
        await queueRow(page, 'Pasta night')
          .getByRole('checkbox', { name: 'Select Pasta night' })
          .uncheck();
        await queueRow(page, 'Bread basics')
          .getByRole('checkbox', { name: 'Select Bread basics' })
          .uncheck();
      },
    },
    {
      name: 'queue-job-detail',
      async show(page) {
        await goTo('Queue')(page);
        await queueRow(page, 'Pie crust')
          .getByRole('button', { name: 'Pie crust', exact: true })
          .click();
        await page.getByTestId('job-detail').waitFor();
      },
      async hide(page) {
        await escape(page);
        await page.getByTestId('job-detail').waitFor({ state: 'detached' });
      },
    },
    { name: 'channels-connected', show: goTo('Channels') },
    {
      name: 'folders-watched',
      async show(page) {
        await goTo('Folders')(page);
        const card = page.getByTestId('folder-card').first();
        const more = card.getByRole('button', { name: 'Show videos' });
        if (await more.isVisible()) await more.click();
        await card.getByTestId('watch-item').first().waitFor();
      },
      focus: 'watch-item',
    },
    { name: 'cookies-failed-download', show: goTo('Cookies'), focus: 'downloads' },
    { name: 'publishing-schedules', show: goTo('Publishing') },
    {
      name: 'drop-preview',
      async show(page) {
        await goTo('Queue')(page);
        // Only the name and size reach the engine from a browser drop; the bytes stay here.
        await page.evaluate(`(() => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(${video.length})], 'Dumplings.mp4', { type: 'video/mp4' }));
          for (const type of ['dragenter', 'dragover', 'drop'])
            document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        })()`);
        await page.getByTestId('drop-found').waitFor();
      },
      async hide(page) {
        await escape(page);
        await page.getByTestId('drop-preview').waitFor({ state: 'detached' });
      },
    },
  ];
  return { ...running, ...(await withLinks(running)), scenes };
}

/** A project out of quota: its jobs wait for the reset, shown as waiting, not as an error. */
export async function quotaWorld(root: string): Promise<World> {
  const media = join(root, 'media');
  mkdirSync(media, { recursive: true });
  const running = await startSandboxedServe(root, join(root, 'data'));
  const { engine, sandbox } = running;
  await connectSandboxChannel(engine, sandbox, COOKS);
  await until(engine, await addJob(engine, media, 'Knife skills', COOKS), ['done']);
  // A quota error makes every job of the project wait, so it has a world of its own.
  sandbox.faults.set({
    failNext: { count: 1, status: 403, reason: 'quotaExceeded', pathPrefix: '/upload' },
  });
  await until(engine, await addJob(engine, media, 'Beef stew', COOKS), ['waiting']);
  await addJob(engine, media, 'Pasta night', COOKS);
  const scenes: Scene[] = [{ name: 'queue-quota-wait', show: goTo('Queue') }];
  return { ...running, ...(await withLinks(running)), scenes };
}
