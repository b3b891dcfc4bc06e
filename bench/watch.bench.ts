// Watched folders: initial scan of a 50,000-file tree (time, memory), pairing
// 10,000 files, and idle CPU with 5 watched folders. Each next to a reference
// measured in the same run (a bare recursive readdir; an empty loop over the names).
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  watch as fsWatch,
  writeFileSync,
  type FSWatcher,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { systemClock } from '../src-main/base/clock.ts';
import { openDatabase } from '../src-main/db/database.ts';
import { createLogger, silentSink } from '../src-main/logging/logger.ts';
import { EventHub } from '../src-main/rpc/event-hub.ts';
import { RecordingEnqueuer } from '../test/helpers/recording-enqueuer.ts';
import { WatchRepository } from '../src-main/watch/watch-repository.ts';
import { WatchService } from '../src-main/watch/watch-service.ts';
import { pairFiles } from '../src-shared/watch/pairing.ts';

const root = mkdtempSync(join(tmpdir(), 'dropline-bench-watch-'));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function service() {
  const db = openDatabase(join(root, `db-${Math.random()}.db`));
  const svc = new WatchService({
    repo: new WatchRepository(db),
    enqueuer: new RecordingEnqueuer(db),
    clock: systemClock,
    log: createLogger(silentSink, 'error'),
    events: new EventHub(),
    probe: null,
    presenceCheckMs: 5000,
  });
  return { svc, db };
}

/** dirs x perDir files: a third videos, a third thumbnails, a third sidecars/other. */
function makeTree(dir: string, dirs: number, perDir: number): number {
  const kinds = ['mp4', 'jpg', 'txt'];
  let n = 0;
  for (let d = 0; d < dirs; d++) {
    const sub = join(dir, `show-${d}`);
    mkdirSync(sub, { recursive: true });
    for (let f = 0; f < perDir; f++, n++)
      writeFileSync(join(sub, `ep${Math.floor(f / 3)}.${kinds[f % 3]}`), '');
  }
  return n;
}

/** Each V8 heap space's reserved size: which part of the heap holds on to RSS. */
function spaces(): string {
  return getHeapSpaceStatistics()
    .filter((space) => space.space_size >= 1024 * 1024)
    .map((space) => `${space.space_name} ${mb(space.space_size)}`)
    .join(', ');
}

function walk(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? walk(join(dir, e.name)) : 1;
  return n;
}

try {
  // 1. Initial scan.
  const big = join(root, 'big');
  const files = makeTree(big, 500, 100);
  const refStart = performance.now();
  walk(big);
  const refMs = performance.now() - refStart;
  // Memory reference, before the watch grows the heap: the same facts (each file's size and
  // mtime) from a plain walk, and one fs.watch per directory.
  globalThis.gc?.();
  const refBefore = process.memoryUsage().rss;
  const facts = new Map<string, { size: number; mtimeMs: number }>();
  const watchers: FSWatcher[] = [];
  const walkWatching = (dir: string): void => {
    watchers.push(fsWatch(dir, () => undefined));
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walkWatching(path);
      else facts.set(path, { size: statSync(path).size, mtimeMs: statSync(path).mtimeMs });
    }
  };
  walkWatching(big);
  const refRss = process.memoryUsage().rss - refBefore;
  for (const w of watchers) w.close();
  facts.clear();
  globalThis.gc?.();
  const before = process.memoryUsage();
  // The heap's high-water mark during the scan: garbage kept alive by the scan grows V8's
  // heap (new space up to its maximum), and RSS stays up long after the garbage is gone.
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 10);
  const { svc, db } = service();
  const start = performance.now();
  const folder = await svc.add({
    path: big,
    channelIds: ['UC_a'],
    recursive: true,
    polling: false,
    enabled: true,
    stabilitySeconds: 30,
  });
  const scanMs = performance.now() - start;
  clearInterval(sampler);
  const after = process.memoryUsage();
  console.log(
    `initial scan of ${files} files (${folder.counts.offered} videos offered): ${ms(scanMs)} (goal <= 3000 ms); bare readdir walk ${ms(refMs)}; ratio ${(scanMs / refMs).toFixed(1)}x`,
  );
  console.log(
    `  memory: rss +${mb(after.rss - before.rss)} (now ${mb(after.rss)}), heap +${mb(after.heapUsed - before.heapUsed)}; peak heap during the scan +${mb(peakHeap - before.heapUsed)}`,
  );
  // What the watch keeps, as against what its scan left for the collector: V8 grows the heap
  // (and RSS, which it gives back only slowly) for chokidar's scan garbage.
  globalThis.gc?.();
  const kept = process.memoryUsage();
  console.log(
    `  reference (a walk keeping size and mtime per file, fs.watch per directory): rss +${mb(refRss)}`,
  );
  console.log(
    `  after a GC: heap +${mb(kept.heapUsed - before.heapUsed)} kept, rss +${mb(kept.rss - before.rss)}; V8 spaces: ${spaces()}`,
  );
  await svc.close();
  db.close();

  // 2. Pairing.
  const names: string[] = [];
  for (let d = 0; d < 100; d++)
    for (let i = 0; i < 50; i++)
      names.push(`show-${d}/ep${i}.mp4`, `show-${d}/ep${i}${i % 2 ? '_thumb' : ''}.jpg`);
  const runs: number[] = [];
  const loops: number[] = [];
  for (let r = 0; r < 15; r++) {
    let t = performance.now();
    const result = pairFiles(names);
    runs.push(performance.now() - t);
    if (result.videos.length !== 5000) throw new Error('pairing bench: wrong result');
    t = performance.now();
    let x = 0;
    for (const n of names) x += n.length;
    loops.push(performance.now() - t + (x < 0 ? 1 : 0));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(
    `pairing ${names.length} files: median ${ms(median(runs))} (goal <= 100 ms); a bare loop over the names ${ms(median(loops))}`,
  );

  // 3. Idle CPU with 5 watched folders.
  const idle = service();
  for (let i = 0; i < 5; i++) {
    const dir = join(root, `idle-${i}`);
    makeTree(dir, 10, 30);
    await idle.svc.add({
      path: dir,
      channelIds: ['UC_a'],
      recursive: true,
      polling: false,
      enabled: true,
      stabilitySeconds: 30,
    });
  }
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  await new Promise((r) => setTimeout(r, 10_000));
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - wall0;
  const pct = ((cpu.user + cpu.system) / 1000 / wall) * 100;
  console.log(
    `idle with 5 watched folders (1,500 files) for ${(wall / 1000).toFixed(1)} s: CPU ${pct.toFixed(2)}% of one core (goal ~0)`,
  );
  await idle.svc.close();
  idle.db.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
