// Frame times of the Queue screen with 2,000 jobs, 10 of them uploading: a real
// `dropline serve` against the Google sandbox (throttled, so the 10 uploads keep
// sending and progress events keep flowing), the built UI in Chromium. Frames are
// timed in the page with requestAnimationFrame, the frame rate uncapped so that a
// frame's time is the work it took rather than the display's 16.7 ms; the same
// loop on a page that changes one text a frame, in the same browser, is the reference. Needs `npm run build`.
// BENCH_FRAMES_SECONDS (default 5) sets each measured phase's length.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { connectToEngine } from '../src-main/engine-process/engine-client.ts';
import { startGoogleSandbox } from '../test/fakes/google-sandbox/index.ts';
import { CHROMIUM_PATH } from '../test/helpers/browser.ts';
import { connectSandboxChannel } from '../test/helpers/sandbox-channel.ts';
import { startServeProcess } from '../test/helpers/serve-process.ts';
import { tempDir } from '../test/helpers/temp-dir.ts';
import { alice, aliceBrand } from '../test/helpers/upload-harness.ts';

const GOAL_MS = 16;
const JOBS = 2000;
const UPLOADING = 10;
const seconds = Number(process.env.BENCH_FRAMES_SECONDS ?? 5);
// Two of the sandbox's seeded channels, five uploads at once on each.
const channels = [alice, aliceBrand];
const metadata = {
  description: '',
  tags: [],
  categoryId: '22',
  privacy: 'private' as const,
  publishAt: null,
  playlistId: null,
  madeForKids: false,
  containsSyntheticMedia: false,
};

/** Frame times (ms) for `ms` of rAF callbacks in the page; `scroll` moves the list each frame. */
async function frameTimes(page: Page, ms: number, scroll: boolean): Promise<number[]> {
  return page.evaluate(
    ({ ms, scroll }) =>
      new Promise<number[]>((resolve) => {
        const list = document.querySelector<HTMLElement>('[data-testid="queue-list"]');
        const deltas: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const frame = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (scroll && list) {
            // Down and back up again, 40 px a frame: rows keep entering and leaving.
            const max = list.scrollHeight - list.clientHeight;
            const down = Math.floor(deltas.length / (max / 40)) % 2 === 0;
            list.scrollTop = Math.max(0, Math.min(max, list.scrollTop + (down ? 40 : -40)));
          }
          if (now < end) requestAnimationFrame(frame);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(frame);
        });
      }),
    { ms, scroll },
  );
}

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const summary = (xs: number[]) =>
  `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms over ${xs.length} frames`;

const dir = tempDir('dropline-bench-frames-');
const sandbox = await startGoogleSandbox({
  autoApprove: true,
  config: { quotaLimit: 10_000_000 },
  filesDir: join(dir.path, 'sandbox-files'),
});
// Slow enough that none of the 10 uploads finishes while frames are measured.
sandbox.faults.set({ bandwidthBytesPerSec: 256 * 1024 });
const keyFile = join(dir.path, 'master.key');
writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
const dataDir = join(dir.path, 'data');
const serve = await startServeProcess({
  dataDir,
  env: {
    DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
    DROPLINE_KEY_PROVIDER: 'file',
    DROPLINE_MASTER_KEY_FILE: keyFile,
  },
});
const info = JSON.parse(readFileSync(join(dataDir, 'service.json'), 'utf8'));
const engine = await connectToEngine(info.url, info.token);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    // Frames as fast as they can be made, so their time says what each one cost.
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
  ],
});
try {
  for (const id of channels) await connectSandboxChannel(engine, sandbox, id);
  await engine.api.invoke('settings.set', { globalConcurrency: 10, perChannelConcurrency: 5 });

  // Ten sparse 4 GiB videos upload (five per channel); 1,990 more jobs wait behind them.
  const big = Array.from({ length: UPLOADING }, (_, i) => {
    const path = join(dir.path, `live-${i}.mp4`);
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 4 * 1024 ** 3);
    closeSync(fd);
    return path;
  });
  for (const [c, channelId] of channels.entries())
    await engine.api.invoke('jobs.enqueue', {
      files: big.slice(c * 5, c * 5 + 5),
      channelIds: [channelId],
      metadata: { ...metadata, title: 'Live upload' },
      thumbnail: null,
    });
  const waiting = Array.from({ length: JOBS - UPLOADING }, (_, i) =>
    join(dir.path, 'later', `clip-${String(i).padStart(4, '0')}.mp4`),
  );
  for (const [c, channelId] of channels.entries())
    await engine.api.invoke('jobs.enqueue', {
      files: waiting.filter((_, i) => i % channels.length === c),
      channelIds: [channelId],
      metadata: { ...metadata, title: 'Waiting clip' },
      thumbnail: null,
    });

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(serve.openUrl);
  await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
  await page.locator('[data-testid="job-row"]').first().waitFor();
  // Progress is flowing when the page has seen bytes move on all ten uploading rows' channels.
  await page.waitForFunction(
    (n) => {
      const rows = [
        ...document.querySelectorAll('[data-testid="job-row"][data-state="uploading"]'),
      ];
      const moving = rows.filter(
        (r) => Number(r.querySelector('[data-bytes-sent]')?.getAttribute('data-bytes-sent')) > 0,
      );
      return moving.length >= Math.min(n, rows.length) && rows.length > 0;
    },
    UPLOADING,
    { timeout: 60_000 },
  );
  const jobs = await engine.api.invoke('jobs.list', {});
  const uploading = jobs.filter((j) => j.state === 'uploading').length;
  assert.equal(jobs.length, JOBS);

  const watching = await frameTimes(page, seconds * 1000, false);
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const scrolling = await frameTimes(page, seconds * 1000, true);
  if (cdp) {
    // Where the scrolling frames' time went: self time per function, the top 25.
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: {
        nodes: {
          id: number;
          callFrame: {
            functionName: string;
            url: string;
            lineNumber: number;
            columnNumber: number;
          };
        }[];
        samples: number[];
        timeDeltas: number[];
      };
    };
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
  const after = await engine.api.invoke('jobs.list', {});
  const stillUploading = after.filter((j) => j.state === 'uploading').length;

  const ref = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A text that changes every frame, so the reference makes frames as the Queue does.
  await ref.setContent(
    '<!doctype html><h2>Queue</h2><p id="n">0</p><script>let n = 0; const tick = () => { document.getElementById("n").textContent = String(++n); requestAnimationFrame(tick); }; requestAnimationFrame(tick);</script>',
  );
  const reference = await frameTimes(ref, seconds * 1000, false);
  await ref.close();

  console.log(
    `Queue with ${jobs.length} jobs, ${uploading} uploading (${stillUploading} still uploading at the end), ${seconds} s per phase, frame rate uncapped:`,
  );
  console.log(`  watching progress: ${summary(watching)}`);
  console.log(`  scrolling the list: ${summary(scrolling)}`);
  console.log(
    `  reference (a page changing one text each frame, same browser): ${summary(reference)}`,
  );
  const p95 = Math.max(quantile(watching, 0.95), quantile(scrolling, 0.95));
  console.log(
    `p95 frame time ${p95.toFixed(1)} ms (goal <= ${GOAL_MS} ms); ratio to goal ${(p95 / GOAL_MS).toFixed(2)}; to the reference's p95 ${(p95 / quantile(reference, 0.95)).toFixed(1)}x`,
  );
  if (pageErrors.length) console.log(`  page errors: ${pageErrors.join('; ')}`);
  await page.close();
} finally {
  await browser.close();
  engine.close();
  await serve.stop();
  await sandbox.close();
  dir.remove();
}
