import { AppError } from '../../src-shared/api/errors.ts';
import { holdsSlot } from '../../src-shared/publishing/slots.ts';
import {
  canPauseJob,
  canRetryJob,
  isFinalJobState,
  type Job,
  type JobState,
} from '../../src-shared/domain/job.ts';
import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { AccessTokenSource } from '../channels/access-token-source.ts';
import type { GoogleEndpoints } from '../auth/google-endpoints.ts';
import type { Http } from '../youtube/google-http.ts';
import type { QuotaConfig } from '../youtube/quota-costs.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import { QuotaLedger } from '../youtube/quota-ledger.ts';
import { ResumableUploadClient } from '../youtube/resumable-upload.ts';
import { VideoExtrasClient } from '../youtube/video-extras.ts';
import type { BackoffPolicy } from '../base/backoff.ts';
import { defaultBackoff } from './backoff.ts';
import { BandwidthLimiter } from './bandwidth-limiter.ts';
import { enqueueJobs } from './enqueue-jobs.ts';
import { JobRepository, publicJob, type JobPatch, type JobRecord } from './job-repository.ts';
import { HeldBytesChecks } from './held-bytes.ts';
import { runJob } from './job-runner.ts';
import { JobTimeline } from './job-timeline.ts';
import { patchFor, type RunOutcome } from './outcome.ts';
import {
  checkChunkSize,
  defaultChunkSize,
  defaultMaxChunkSize,
  type RunnerDeps,
} from './runner-deps.ts';
import type { PostStepSource } from './post-step.ts';
import type { SlotPlanner, UploadEnqueuer, UploadRequest } from './upload-request.ts';
import type { NoticeInput } from '../../src-shared/domain/notice.ts';
import { jobNotice } from './job-notices.ts';
import { QuitPauses } from './quit-pauses.ts';
import type { DestinationFactory, DestinationProvider } from './destination-provider.ts';

export interface UploadLimits {
  globalConcurrency: number;
  perChannelConcurrency: number;
  bandwidthLimitKiBps: number;
}

export interface UploadEngineDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  log: Logger;
  tokens: AccessTokenSource;
  http: Http;
  endpoints: GoogleEndpoints;
  limits(): UploadLimits;
  quotaConfig(): QuotaConfig;
  /** The Google Cloud project (OAuth client id) whose quota a channel's calls use. */
  projectIdFor(channelId: string): string;
  /** Where resumable session URIs are kept (the vault); absent: in the job row (tests). */
  secrets?: SecretStore;
  /** Bytes of the first PUT (default 8 MiB). Given alone, every chunk has this size. */
  chunkSize?: number;
  /** Chunks grow with the link's rate up to this (default 128 MiB, or chunkSize when that is given). */
  maxChunkSize?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Chooses schedule slots for requests that ask for one. */
  slots?: SlotPlanner;
  /** Steps after thumbnail and playlist (captions). */
  extraSteps?: PostStepSource;
  /** The notification centre: upload done, failed, waiting for quota. */
  notify?: (notice: NoticeInput) => void;
  /** A channel's name for those notices. */
  channelTitle?: (channelId: string) => string;
  /** Destination providers (YouTube last); absent: every job is a YouTube job. */
  destinations?: DestinationFactory;
  /** `tiktok:@name` -> `tiktok:<open_id>`; throws for an unknown destination the caller must know. */
  resolveDestination?: (id: string, opts: { requireKnown: boolean }) => string;
}

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
    this.#runner = {
      repo: this.repo,
      clock: deps.clock,
      log: deps.log,
      tokens: deps.tokens,
      ledger: this.ledger,
      uploads: new ResumableUploadClient(deps.http, deps.endpoints),
      extras: new VideoExtrasClient(deps.http, deps.endpoints),
      limiter: new BandwidthLimiter(deps.clock, () => deps.limits().bandwidthLimitKiBps),
      projectIdFor: deps.projectIdFor,
      chunkSize: checkChunkSize(deps.chunkSize ?? defaultChunkSize),
      maxChunkSize: checkChunkSize(deps.maxChunkSize ?? deps.chunkSize ?? defaultMaxChunkSize),
      backoff: deps.backoff ?? defaultBackoff,
      random: deps.random ?? Math.random,
      save: (job, patch) => this.#save(job.id, patch),
      extraSteps: deps.extraSteps,
      onProgress: (job, s) =>
        deps.events.emit('jobs.progressed', {
          id: job.id,
          channelId: job.channelId,
          bytesSent: s.bytesSent,
          bytesTotal: job.bytesTotal,
          rate: s.rate,
          etaSeconds: s.etaSeconds,
        }),
    };
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
    const job = this.#require(id);
    if (job.state !== 'failed' && job.state !== 'cancelled')
      throw new AppError(
        'invalid_state',
        `Job ${id} is ${job.state}; only failed or cancelled jobs can be retried.`,
      );
    if (!canRetryJob(job))
      throw new AppError(
        'invalid_state',
        `Job ${id} cannot be retried: ${job.error?.message} Add the file again instead.`,
      );
    const patch: JobPatch = {
      state: 'queued',
      attempts: 0,
      error: null,
      waitReason: null,
      nextAttemptAt: null,
    };
    // A step that failed runs again; the video itself is never uploaded twice.
    if (job.thumbnailStep === 'failed') patch.thumbnailStep = 'pending';
    if (job.playlistStep === 'failed') patch.playlistStep = 'pending';
    if (job.captions.some((c) => c.state === 'failed'))
      patch.captions = job.captions.map((c) =>
        c.state === 'failed' ? { ...c, state: 'pending' as const } : c,
      );
    Object.assign(patch, this.#slotOnRetry(job));
    const saved = this.#save(id, patch);
    this.pump();
    return publicJob(saved);
  }

  /**
   * A cancelled job gave its slot up; on retry it keeps the slot if nobody
   * took it and it is still ahead, else it takes the channel's next free one.
   * A video already on YouTube keeps the time YouTube has.
   */
  #slotOnRetry(job: JobRecord): JobPatch {
    if (job.slotMs === null || job.videoId !== null || job.state !== 'cancelled') return {};
    const now = this.#deps.clock.now();
    const takenByOther = this.repo
      .slotted(job.channelId)
      .some((j) => j.id !== job.id && j.slotMs === job.slotMs && holdsSlot(j));
    if (job.slotMs > now && !takenByOther) return {};
    const next = this.#deps.slots?.nextSlot(job.channelId, 'channel', now) ?? null;
    if (next === null) return { slotMs: null, metadata: { ...job.metadata, publishAt: null } };
    return {
      slotMs: next,
      metadata: { ...job.metadata, privacy: 'private', publishAt: new Date(next).toISOString() },
    };
  }

  /**
   * Moves a job to another slot (the schedule view). Only before the upload
   * starts: after that YouTube holds the time.
   */
  reschedule(id: string, slotMs: number): Job {
    const job = this.#require(id);
    if (job.videoId !== null || job.sessionUri !== null || isFinalJobState(job.state))
      throw new AppError(
        'invalid_state',
        `Job ${id} is ${job.videoId ? 'already on YouTube' : job.state}; its publish time can only change before the upload starts (change it in YouTube Studio).`,
      );
    if (slotMs <= this.#deps.clock.now())
      throw new AppError('invalid_input', 'at: the new slot is in the past.');
    const other = this.repo
      .slotted(job.channelId)
      .find((j) => j.id !== id && j.slotMs === slotMs && holdsSlot(j));
    if (other)
      throw new AppError(
        'invalid_input',
        `at: that slot is taken by "${other.title}" (job ${other.id}).`,
      );
    const saved = this.#save(id, {
      slotMs,
      metadata: { ...job.metadata, privacy: 'private', publishAt: new Date(slotMs).toISOString() },
    });
    return publicJob(saved);
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
          this.#save(job.id, {
            state: 'waiting',
            waitReason: 'quota',
            nextAttemptAt: until,
            error: {
              code: 'quota_exceeded',
              message: `Not enough YouTube quota left today for another upload; waiting until ${new Date(until).toISOString()} (midnight Pacific time).`,
              retryable: true,
            },
          });
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
    const visible =
      before === null ||
      before.state !== job.state ||
      patch.videoId !== undefined ||
      patch.error !== undefined ||
      patch.thumbnailStep !== undefined ||
      patch.playlistStep !== undefined ||
      patch.captions !== undefined ||
      patch.metadata !== undefined ||
      patch.slotMs !== undefined ||
      patch.nextAttemptAt !== undefined ||
      // A running upload reports bytes through progress events; any other job says so here.
      (patch.bytesSent !== undefined && job.state !== 'uploading');
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
