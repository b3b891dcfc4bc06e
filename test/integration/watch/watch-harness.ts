import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/database.ts';
import { systemClock, type Clock } from '../../../src-main/base/clock.ts';
import { createLogger, silentSink } from '../../../src-main/logging/logger.ts';
import { EventHub } from '../../../src-main/rpc/event-hub.ts';
import { RecordingEnqueuer } from '../../helpers/recording-enqueuer.ts';
import type { VideoProbe } from '../../../src-main/watch/video-probe.ts';
import { WatchRepository } from '../../../src-main/watch/watch-repository.ts';
import { WatchService } from '../../../src-main/watch/watch-service.ts';

/** A temp data dir + a temp folder to watch, and an engine-like WatchService over real SQLite. */
export class WatchHarness {
  readonly root = mkdtempSync(join(tmpdir(), 'dropline-watch-'));
  readonly dir = join(this.root, 'videos');
  readonly dbFile = join(this.root, 'dropline.db');
  db!: Db;
  repo!: WatchRepository;
  enqueuer!: RecordingEnqueuer;
  service!: WatchService;

  readonly probe: VideoProbe | null;
  readonly clock: Clock;

  /** `clock`: a FakeClock makes the stability window move only when the test says. */
  constructor(probe: VideoProbe | null = null, clock: Clock = systemClock) {
    this.probe = probe;
    this.clock = clock;
  }

  open(): WatchService {
    this.db = openDatabase(this.dbFile);
    this.repo = new WatchRepository(this.db);
    this.enqueuer = new RecordingEnqueuer(this.db);
    this.service = new WatchService({
      repo: this.repo,
      enqueuer: this.enqueuer,
      clock: this.clock,
      log: createLogger(silentSink, 'error'),
      events: new EventHub(),
      probe: this.probe,
      presenceCheckMs: 100,
    });
    this.service.start();
    return this.service;
  }

  async close(): Promise<void> {
    await this.service.close();
    this.db.close();
  }

  async dispose(): Promise<void> {
    await this.close().catch(() => undefined);
    rmSync(this.root, { recursive: true, force: true });
  }

  uploads() {
    return this.enqueuer.list();
  }

  write(rel: string, content: string | Buffer = `video ${rel} ${Math.random()}`): string {
    const file = join(this.dir, rel);
    writeFileSync(file, content);
    return file;
  }
}

/** Polls until `check` holds; the deadline only guards against a hung test, it asserts nothing. */
export async function until<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A short real MP4 (moov at the end, so a partial copy is unreadable), when ffmpeg exists. */
export function makeMp4(dir: string): Buffer | null {
  const out = join(dir, 'fixture.mp4');
  try {
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=2:size=160x120:rate=15',
      '-pix_fmt',
      'yuv420p',
      '-y',
      out,
    ]);
  } catch {
    return null;
  }
  const bytes = Buffer.from(execFileSync('cat', [out]));
  rmSync(out);
  return bytes;
}
