import { AppError } from '../../src-shared/api/errors.ts';
import {
  canPauseJob,
  isFinalJobState,
  type Job,
  type JobState,
} from '../../src-shared/domain/job.ts';
import { QuotaLedger } from '../youtube/quota-ledger.ts';
import { enqueueJobs } from './enqueue-jobs.ts';
import { JobRepository, publicJob, type JobPatch, type JobRecord } from './job-repository.ts';
import { HeldBytesChecks } from './held-bytes.ts';
import { runJob } from './job-runner.ts';
import { JobTimeline } from './job-timeline.ts';
import { patchFor, type RunOutcome } from './outcome.ts';
import type { RunnerDeps } from './runner-deps.ts';
import type { UploadEnqueuer, UploadRequest } from './upload-request.ts';
import { jobNotice } from './job-notices.ts';
import { QuitPauses } from './quit-pauses.ts';
import type { DestinationProvider } from './destination-provider.ts';
import type { UploadEngineDeps } from './upload-engine-deps.ts';
import { runnerDepsFor } from './engine-runner.ts';
import { quotaWaitPatch, reschedulePatch, retryPatch, type SlotContext } from './job-moves.ts';
import { changeIsVisible } from './job-visibility.ts';

export type { UploadEngineDeps, UploadLimits } from './upload-engine-deps.ts';

interface Running {
  channelId: string;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The upload queue: persists jobs, starts them within the concurrency,
 * channel-cap and quota limits, and turns each run's outcome into the job's
 * next state. Every decision is read back from SQLite, so a restart after a
 * crash picks up exactly where the database says.
 */
export class UploadEngine implements UploadEnqueuer {
  readonly repo: JobRepository;
  readonly ledger: QuotaLedger;
  readonly timeline: JobTimeline;
  readonly #deps: UploadEngineDeps;
  readonly #runner: RunnerDeps;
  readonly #running = new Map<string, Running>();
  #started = false;
  #stopped = false;
  readonly #heldChecks: HeldBytesChecks;
  #cancelWake: (() => void) | null = null;
  #wakeAt = Infinity;
  readonly #quitPauses: QuitPauses;
  /** Google project -> the quota reset already announced, so one wait is said once. */
  readonly #quotaAnnounced = new Map<string, number>();
  #destinations: DestinationProvider[] = [];

  constructor(deps: UploadEngineDeps) {
    this.#deps = deps;
    this.repo = new JobRepository(deps.db, deps.secrets ?? null);
    this.timeline = new JobTimeline(deps.db);
    this.ledger = new QuotaLedger(deps.db, deps.clock, deps.quotaConfig);
    this.#runner = runnerDepsFor(deps, {
      repo: this.repo,
      ledger: this.ledger,
      save: (job, patch) => this.#save(job.id, patch),
    });
    this.#destinations = deps.destinations?.(this.#runner) ?? [];
    this.#heldChecks = new HeldBytesChecks(this.#runner);
    this.#quitPauses = new QuitPauses(deps.db);
  }

  /** Starts the queue; uploads that the last quit paused go on where they were. */
  start(): void {
    this.#started = true;
    this.#stopped = false;
    for (const id of this.#quitPauses.take()) {
      const job = this.repo.get(id);
      if (job?.state === 'paused')
        this.#save(id, { state: 'queued', waitReason: null, nextAttemptAt: null });
    }
    this.pump();
  }

  /** Uploads running now (the updater never restarts the app while there is one). */
  runningCount(): number {
    return this.#running.size;
  }

  /**
   * A quit: every running upload pauses as a pause does (YouTube is asked what
   * it holds), is remembered, and the engine stops; the next start resumes them.
   */
  async pauseForQuit(): Promise<string[]> {
    const ids = [...this.#running.keys()];
    this.#quitPauses.remember(ids, this.#isoNow());
    for (const id of ids) this.pause(id);
    await this.stop();
    return ids;
  }

  /** "Pause all" in the tray: every job that can pause. */
  pauseAll(): Job[] {
    return this.repo
      .candidates()
      .filter(canPauseJob)
      .map((j) => this.pause(j.id));
  }

  /** "Resume all" in the tray. */
  resumeAll(): Job[] {
    return this.repo
      .list()
      .filter((j) => j.state === 'paused')
      .map((j) => this.resume(j.id));
  }

  /** Aborts running uploads without changing their state: the next start resumes them. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancelWake?.();
    this.#cancelWake = null;
    const running = [...this.#running.values()];
    for (const r of running) r.controller.abort(new Error('engine stopping'));
    await Promise.all([...running.map((r) => r.done), this.#heldChecks.stop()]);
  }

  enqueue(request: UploadRequest, opts: { requireKnownChannels?: boolean } = {}): string[] {
    return this.enqueueDetailed(request, opts).ids;
  }

  /** As enqueue, also naming the jobs that already existed (the file was queued or done there). */
  enqueueDetailed(
    request: UploadRequest,
    opts: { requireKnownChannels?: boolean } = {},
  ): { ids: string[]; existing: string[] } {
    const at = this.#isoNow();
    const resolve = this.#deps.resolveDestination;
    if (resolve)
      request = {
        ...request,
        channelIds: request.channelIds.map((id) =>
          resolve(id, { requireKnown: opts.requireKnownChannels ?? false }),
        ),
      };
    const result = enqueueJobs(
      this.#deps.db,
      this.repo,
      request,
      at,
      this.#deps.slots ?? null,
      opts,
    );
    const ids = result.ids;
    for (const id of ids) {
      const job = this.repo.get(id);
      if (!job) continue;
      // An id already known is the same video already queued on that channel: its history goes on.
      if (!this.timeline.has(id)) this.timeline.added(job, request.source.kind, at);
      this.#deps.events.emit('jobs.changed', publicJob(job));
    }
    this.pump();
    return result;
  }

  list(): Job[] {
    return this.repo.list().map(publicJob);
  }

  get(id: string): Job {
    return publicJob(this.#require(id));
  }

  pause(id: string): Job {
    const job = this.#require(id);
    if (job.state === 'paused') return publicJob(job);
    if (!canPauseJob(job))
      throw new AppError(
        'invalid_state',
        `Job ${id} is ${job.state}; only queued, waiting or running jobs can be paused.`,
      );
    const saved = this.#save(id, { state: 'paused' });
    const run = this.#running.get(id);
    this.#abort(id, 'paused');
    // Once the run has let go, show what YouTube holds rather than the last confirmed chunk.
    if (run) this.#heldChecks.after(run.done, id);
    return publicJob(saved);
  }

  /**
   * Jobs waiting for `reason` try again now rather than at their timer:
   * `token` once the vault is unlocked; `quota` once the settings allow more
   * (only jobs held back by our own count, with no session yet; after Google's
   * quotaExceeded the day is marked used up, so canAfford stays false).
   */
  wake(reason: 'token' | 'quota'): void {
    for (const job of this.repo.candidates()) {
      if (job.state !== 'waiting' || job.waitReason !== reason) continue;
      if (reason === 'quota' && !this.#quotaFreed(job)) continue;
      this.#save(job.id, { nextAttemptAt: this.#deps.clock.now() });
    }
    this.pump();
  }

  resume(id: string): Job {
    const job = this.#require(id);
    if (job.state !== 'paused')
      throw new AppError('invalid_state', `Job ${id} is ${job.state}, not paused.`);
    const saved = this.#save(id, { state: 'queued', waitReason: null, nextAttemptAt: null });
    this.pump();
    return publicJob(saved);
  }

  cancel(id: string): Job {
    const job = this.#require(id);
    if (job.state === 'cancelled') return publicJob(job);
    if (isFinalJobState(job.state))
      throw new AppError('invalid_state', `Job ${id} is already ${job.state}.`);
    const saved = this.#save(id, { state: 'cancelled', waitReason: null, nextAttemptAt: null });
    this.#abort(id, 'cancelled');
    this.pump();
    return publicJob(saved);
  }

  retry(id: string): Job {
    const patch = retryPatch(this.#require(id), this.#slotContext());
    const saved = this.#save(id, patch);
    this.pump();
    return publicJob(saved);
  }

  /**
   * Moves a job to another slot (the schedule view). Only before the upload
   * starts: after that YouTube holds the time.
   */
  reschedule(id: string, slotMs: number): Job {
    return publicJob(
      this.#save(id, reschedulePatch(this.#require(id), slotMs, this.#slotContext())),
    );
  }

  #slotContext(): SlotContext {
    return { now: this.#deps.clock.now(), repo: this.repo, slots: this.#deps.slots ?? null };
  }

  pauseChannel(channelId: string): Job[] {
    return this.repo
      .listByChannel(channelId)
      .filter(canPauseJob)
      .map((j) => this.pause(j.id));
  }

  resumeChannel(channelId: string): Job[] {
    const jobs = this.repo
      .listByChannel(channelId)
      .filter((j) => j.state === 'paused')
      .map((j) => this.resume(j.id));
    return jobs;
  }

  quota() {
    const now = this.#deps.clock.now();
    const projects = new Set(this.ledger.projects());
    for (const job of this.repo.candidates())
      if (this.#usesYouTubeQuota(job)) projects.add(this.#deps.projectIdFor(job.channelId));
    return {
      projects: [...projects].sort().map((p) => this.ledger.status(p)),
      holds: this.repo.holds(now).map((h) => ({
        channelId: h.channelId,
        until: new Date(h.until).toISOString(),
        reason: h.reason,
      })),
    };
  }

  /** Starts every job that may run now and sets a timer for the next one that waits. */
  pump(): void {
    if (!this.#started || this.#stopped) return;
    const now = this.#deps.clock.now();
    const limits = this.#deps.limits();
    const held = new Map(this.repo.holds(now).map((h) => [h.channelId, h.until]));
    const perChannel = new Map<string, number>();
    for (const r of this.#running.values())
      perChannel.set(r.channelId, (perChannel.get(r.channelId) ?? 0) + 1);
    let wake = Infinity;
    for (const job of this.repo.candidates()) {
      if (this.#running.has(job.id)) continue;
      if (this.#running.size >= limits.globalConcurrency) break;
      if (job.state === 'waiting' && (job.nextAttemptAt ?? 0) > now) {
        wake = Math.min(wake, job.nextAttemptAt ?? now);
        continue;
      }
      const holdUntil = held.get(job.channelId);
      if (holdUntil !== undefined && job.videoId === null) {
        wake = Math.min(wake, holdUntil);
        continue;
      }
      if ((perChannel.get(job.channelId) ?? 0) >= limits.perChannelConcurrency) continue;
      if (job.videoId === null && job.sessionUri === null && this.#usesYouTubeQuota(job)) {
        const project = this.#deps.projectIdFor(job.channelId);
        if (!this.ledger.canAfford(project, 'videos.insert')) {
          const until = this.ledger.resetsAt();
          this.#save(job.id, quotaWaitPatch(until));
          wake = Math.min(wake, until);
          continue;
        }
      }
      perChannel.set(job.channelId, (perChannel.get(job.channelId) ?? 0) + 1);
      this.#launch(job);
    }
    this.#scheduleWake(wake);
  }

  #usesYouTubeQuota(job: JobRecord): boolean {
    return this.#destinations.find((d) => d.owns(job.channelId))?.usesYouTubeQuota ?? true;
  }

  #quotaFreed(job: JobRecord): boolean {
    if (job.videoId !== null || job.sessionUri !== null) return false;
    return this.ledger.canAfford(this.#deps.projectIdFor(job.channelId), 'videos.insert');
  }

  #launch(job: JobRecord): void {
    const controller = new AbortController();
    const state: JobState = job.videoId === null ? 'uploading' : 'processing';
    const started = this.#save(job.id, { state, waitReason: null, nextAttemptAt: null });
    const destination = this.#destinations.find((d) => d.owns(job.channelId));
    const run = destination
      ? destination.run(started, controller.signal)
      : runJob(this.#runner, started, controller.signal);
    const done = run
      .then((outcome) => this.#apply(job.id, outcome, controller.signal))
      .catch((error: unknown) => this.#deps.log.error('job run crashed', { jobId: job.id, error }))
      .finally(() => {
        this.#running.delete(job.id);
        this.pump();
      });
    this.#running.set(job.id, { channelId: job.channelId, controller, done });
  }

  #apply(id: string, outcome: RunOutcome, signal: AbortSignal): void {
    if (signal.aborted) return;
    const patch = patchFor(outcome);
    if (patch) this.#save(id, patch);
  }

  #scheduleWake(at: number): void {
    if (at === this.#wakeAt && this.#cancelWake) return;
    this.#cancelWake?.();
    this.#cancelWake = null;
    this.#wakeAt = at;
    if (at === Infinity) return;
    // Timers beyond ~24.8 days overflow; wake at most daily and look again.
    const delay = Math.min(Math.max(0, at - this.#deps.clock.now()) + 5, 86_400_000);
    this.#cancelWake = this.#deps.clock.setTimeout(() => {
      this.#cancelWake = null;
      this.#wakeAt = Infinity;
      this.pump();
    }, delay);
  }

  #abort(id: string, why: string): void {
    this.#running.get(id)?.controller.abort(new Error(why));
  }

  #require(id: string): JobRecord {
    const job = this.repo.get(id);
    if (!job) throw new AppError('not_found', `No job with id ${id}.`);
    return job;
  }

  #save(id: string, patch: JobPatch): JobRecord {
    const before = this.repo.get(id);
    const at = this.#isoNow();
    const job = this.repo.update(id, patch, at);
    if (before) this.timeline.observe(before, job, at);
    const visible = changeIsVisible(before, job, patch);
    if (visible) this.#deps.events.emit('jobs.changed', publicJob(job));
    if (before?.state !== job.state || before.waitReason !== job.waitReason)
      this.#announce(before, job);
    return job;
  }

  #announce(before: JobRecord | null, job: JobRecord): void {
    const notify = this.#deps.notify;
    if (!notify) return;
    if (job.state === 'waiting' && job.waitReason === 'quota') {
      const project = this.#deps.projectIdFor(job.channelId);
      const until = job.nextAttemptAt ?? 0;
      if (this.#quotaAnnounced.get(project) === until) return;
      this.#quotaAnnounced.set(project, until);
    }
    const notice = jobNotice(before, job, this.#deps.channelTitle?.(job.channelId) ?? '');
    if (notice) notify(notice);
  }

  #isoNow(): string {
    return new Date(this.#deps.clock.now()).toISOString();
  }
}
