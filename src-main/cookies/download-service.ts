import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../src-shared/api/errors.ts';
import { isFinalDownloadState, type Download } from '../../src-shared/domain/cookie-file.ts';
import type { Clock } from '../base/clock.ts';
import type { Notices } from '../notices/notices.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { REFRESH_ADVICE } from './cookie-messages.ts';
import type { CookieRow } from './cookie-repository.ts';
import type { DownloadRepository } from './download-repository.ts';
import { DEFAULT_LABEL, type CookieService } from './cookie-service.ts';
import { writeTempCookieFile } from './temp-cookie-file.ts';
import { ytDlpArgs } from './ytdlp-args.ts';
import {
  classifyFailure,
  errorSummary,
  parseFileLine,
  parseProgressLine,
  type FailureKind,
} from './ytdlp-output.ts';
import type { YtDlpRunner } from './ytdlp-runner.ts';

export interface DownloadServiceDeps {
  cookies: CookieService;
  repo: DownloadRepository;
  runner: YtDlpRunner;
  events: EventHub;
  notices: Pick<Notices, 'post'>;
  clock: Clock;
  log: Logger;
  dataDir: string;
  defaultOutDir: () => string;
}

type Attempt =
  | { outcome: 'done'; file: string | null }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; kind: FailureKind; message: string };

const PROGRESS_INTERVAL_MS = 250;
const REFUSED = 'refused by the site (sign-in or bot check)';

/** A queue of yt-dlp downloads, one at a time, with cookie fallback. */
export class DownloadService {
  readonly #d: DownloadServiceDeps;
  readonly #jobs = new Map<string, Download>();
  readonly #aborts = new Map<string, AbortController>();
  readonly #queue: string[] = [];
  #running = false;
  // Set by stop(): what shutdown cancels stays stored as it was, and reads as interrupted next time.
  #stopping = false;
  readonly #lastEmit = new Map<string, number>();

  constructor(deps: DownloadServiceDeps) {
    this.#d = deps;
    const at = new Date(deps.clock.now()).toISOString();
    for (const stored of deps.repo.all()) {
      this.#jobs.set(stored.id, stored);
      if (isFinalDownloadState(stored.state)) continue;
      // Its yt-dlp ended with the engine that ran it: say so, and keep what it had.
      Object.assign(stored, {
        state: 'failed',
        error: {
          code: 'download_interrupted',
          message: 'Dropline stopped before this download ended; start it again to resume it.',
          retryable: true,
        },
        finishedAt: at,
        speedBytesPerSecond: null,
        etaSeconds: null,
      } satisfies Partial<Download>);
      deps.repo.save(stored);
    }
  }

  start(input: { url: string; label?: string; outDir?: string }): Download {
    this.#d.runner.locate();
    const label = this.#resolveLabel(input.label);
    const outDir = resolve(input.outDir ?? this.#d.defaultOutDir());
    const job: Download = {
      id: randomUUID(),
      url: input.url,
      label,
      outDir,
      state: 'queued',
      percent: null,
      downloadedBytes: null,
      totalBytes: null,
      speedBytesPerSecond: null,
      etaSeconds: null,
      usedVersion: null,
      attempts: 0,
      file: null,
      error: null,
      createdAt: new Date(this.#d.clock.now()).toISOString(),
      finishedAt: null,
    };
    this.#jobs.set(job.id, job);
    this.#aborts.set(job.id, new AbortController());
    this.#queue.push(job.id);
    this.#emit(job, true);
    void this.#pump();
    return { ...job };
  }

  list(): Download[] {
    return [...this.#jobs.values()].map((j) => ({ ...j }));
  }

  get(id: string): Download {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('download_not_found', `No download with id ${id}.`);
    return { ...job };
  }

  cancel(id: string): Download {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('download_not_found', `No download with id ${id}.`);
    if (isFinalDownloadState(job.state)) return { ...job };
    this.#aborts.get(id)?.abort();
    if (job.state === 'queued') {
      this.#queue.splice(this.#queue.indexOf(id), 1);
      this.#finish(job, { state: 'cancelled' });
    }
    return { ...job };
  }

  /** Takes a finished download off the list (the file it saved stays where it is). */
  remove(id: string): { id: string } {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('download_not_found', `No download with id ${id}.`);
    if (!isFinalDownloadState(job.state))
      throw new AppError(
        'invalid_state',
        `The download of ${job.url} is ${job.state}; cancel it first, then remove it.`,
      );
    this.#jobs.delete(id);
    this.#lastEmit.delete(id);
    this.#d.repo.remove(id);
    this.#d.events.emit('downloads.removed', { id });
    return { id };
  }

  /** Cancels everything (engine shutdown) and waits for the running download to end. */
  async stop(): Promise<void> {
    this.#stopping = true;
    for (const id of [...this.#jobs.keys()]) this.cancel(id);
    while (this.#running) await new Promise((r) => setTimeout(r, 20));
  }

  #resolveLabel(label: string | undefined): string | null {
    if (label !== undefined) {
      this.#d.cookies.candidates(label); // throws when the label does not exist
      return label;
    }
    const labels = this.#d.cookies.list().map((l) => l.label);
    if (labels.includes(DEFAULT_LABEL)) return DEFAULT_LABEL;
    return labels.length === 1 ? (labels[0] as string) : null;
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let id = this.#queue.shift(); id !== undefined; id = this.#queue.shift()) {
        const job = this.#jobs.get(id);
        if (job && job.state === 'queued') await this.#run(job);
      }
    } finally {
      this.#running = false;
    }
  }

  async #run(job: Download): Promise<void> {
    const signal = (this.#aborts.get(job.id) as AbortController).signal;
    job.state = 'running';
    this.#emit(job, true);
    try {
      mkdirSync(job.outDir, { recursive: true });
      const candidates = job.label === null ? [null] : this.#d.cookies.candidates(job.label);
      let last: Attempt | null = null;
      for (const [index, row] of candidates.entries()) {
        if (index > 0) {
          // Only an auth/bot-check failure earns the one retry with the backup.
          if (last?.outcome !== 'failed' || last.kind !== 'auth' || !row) break;
          this.#d.cookies.recordFallback(candidates[0] as CookieRow, row, job.id);
        }
        job.attempts++;
        job.usedVersion = row === null ? null : row.position === 0 ? 'active' : 'backup';
        this.#emit(job, true);
        last = await this.#attempt(job, row, signal);
        if (last.outcome !== 'failed' || last.kind !== 'auth') break;
      }
      this.#settle(job, candidates, last as Attempt);
    } catch (error) {
      const e =
        error instanceof AppError
          ? error
          : new AppError('download_failed', (error as Error).message);
      this.#finish(job, { state: 'failed', error: e.toJSON() });
    }
  }

  #settle(job: Download, candidates: (CookieRow | null)[], last: Attempt): void {
    const active = candidates[0] ?? null;
    const backup = candidates[1] ?? null;
    const usedBackup = job.attempts > 1;
    const refused = last.outcome === 'failed' && last.kind === 'auth';
    // A fallback means the active file was refused: whatever the backup did, it needs refreshing.
    if (active && (usedBackup || refused)) {
      this.#d.cookies.markFailure(active, job.id, REFUSED, true);
      if (backup && usedBackup && refused)
        this.#d.cookies.markFailure(backup, job.id, REFUSED, true);
      this.#d.notices.post({
        kind: 'cookie_expiring',
        level: 'warning',
        title: `Cookies "${active.label}" were refused`,
        message: `${last.outcome === 'done' ? 'The download succeeded with the backup file, but the active' : usedBackup ? 'The active and the backup' : 'The active'} cookie file failed the sign-in or bot check. ${REFRESH_ADVICE}`,
      });
    }
    switch (last.outcome) {
      case 'done':
        this.#finish(job, { state: 'done', file: last.file, percent: 100 });
        break;
      case 'cancelled':
        this.#finish(job, { state: 'cancelled' });
        break;
      case 'failed': {
        const auth = last.kind === 'auth' && active;
        const message = auth
          ? `YouTube refused the cookie file "${active.label}"${usedBackup ? ' and its backup' : ''} (${last.message}). ${REFRESH_ADVICE}`
          : last.message;
        this.#finish(job, {
          state: 'failed',
          error: { code: auth ? 'cookies_refused' : 'download_failed', message, retryable: !auth },
        });
        break;
      }
    }
  }

  async #attempt(job: Download, row: CookieRow | null, signal: AbortSignal): Promise<Attempt> {
    const temp = row
      ? writeTempCookieFile(this.#d.dataDir, this.#d.cookies.contents(row.id))
      : null;
    const stderr: string[] = [];
    let file: string | null = null;
    try {
      if (row) this.#d.cookies.markUsed(row, job.id, job.url);
      const result = await this.#d.runner.run({
        args: ytDlpArgs({ url: job.url, outDir: job.outDir, cookieFile: temp?.path ?? null }),
        signal,
        onSpawn: (pid) => temp?.setRunnerPid(pid),
        onLine: (line, stream) => {
          const progress = parseProgressLine(line);
          if (progress) {
            Object.assign(job, progress);
            this.#emit(job, false);
            return;
          }
          file = parseFileLine(line) ?? file;
          if (stream === 'stderr') {
            stderr.push(line);
            if (stderr.length > 50) stderr.shift();
          }
        },
      });
      if (signal.aborted) return { outcome: 'cancelled' };
      const kind = result.code === 0 ? null : classifyFailure(stderr);
      // A refused file's jar is not worth keeping; every other run's jar is the newest state.
      if (row && kind !== 'auth') {
        const jar = temp?.readBack();
        if (jar) this.#d.cookies.storeWriteback(row, jar, job.id);
      }
      if (result.code === 0) {
        if (row) this.#d.cookies.markSuccess(row, job.id);
        return { outcome: 'done', file };
      }
      const message = errorSummary(stderr);
      this.#d.log.warn('yt-dlp failed', { download: job.id, exitCode: result.code, kind, message });
      if (row && kind === 'other') this.#d.cookies.markFailure(row, job.id, message, false);
      return { outcome: 'failed', kind: kind as FailureKind, message };
    } finally {
      temp?.dispose();
    }
  }

  #finish(job: Download, patch: Partial<Download>): void {
    Object.assign(job, patch, {
      finishedAt: new Date(this.#d.clock.now()).toISOString(),
      speedBytesPerSecond: null,
      etaSeconds: null,
    });
    this.#aborts.delete(job.id);
    this.#emit(job, true);
  }

  /**
   * Throttled at the source: a few progress events a second, every state
   * change at once. State changes are stored too; progress is not (it is
   * worth nothing after a restart).
   */
  #emit(job: Download, force: boolean): void {
    const now = this.#d.clock.now();
    if (force && !this.#stopping) this.#d.repo.save(job);
    if (!force && now - (this.#lastEmit.get(job.id) ?? 0) < PROGRESS_INTERVAL_MS) return;
    this.#lastEmit.set(job.id, now);
    this.#d.events.emit('downloads.progressed', { ...job });
  }
}
