import { resolve } from 'node:path';
import { AppError } from '../../src-shared/api/errors.ts';
import type { JobEditPatch } from '../../src-shared/api/job-edits.ts';
import type { Job, JobState } from '../../src-shared/domain/job.ts';
import { VideoMetadataSchema } from '../../src-shared/domain/metadata.ts';
import { metadataWarnings } from '../../src-shared/publishing/warnings.ts';
import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { fingerprint } from './file-fingerprint.ts';
import { publicJob, type JobRecord, type JobRepository } from './job-repository.ts';
import type { JobTimeline } from './job-timeline.ts';
import { describeProblems, validateMetadata } from './validate-metadata.ts';

const editable: readonly JobState[] = ['queued', 'paused', 'waiting', 'failed'];
/** Sent to YouTube with the upload session: fixed once the session exists. */
const sessionFields = [
  'title',
  'description',
  'tags',
  'categoryId',
  'privacy',
  'publishAt',
  'madeForKids',
  'containsSyntheticMedia',
] as const;

export interface JobEditorDeps {
  db: Db;
  repo: JobRepository;
  timeline: JobTimeline;
  events: EventHub;
  clock: Clock;
  /** The engine looks at the queue again (an edited job may start now). */
  pump(): void;
}

/**
 * Changes to jobs the creator makes by hand: their details (one or many at
 * once, all or none), removing failed ones, and their place in the queue.
 */
export class JobEditor {
  readonly #d: JobEditorDeps;

  constructor(deps: JobEditorDeps) {
    this.#d = deps;
  }

  update(ids: readonly string[], patch: JobEditPatch): Job[] {
    const { thumbnail, ...fields } = patch;
    const plans = [...new Set(ids)].map((id) => {
      const job = this.#require(id);
      if (!editable.includes(job.state))
        throw new AppError(
          'invalid_state',
          `"${job.title}" is ${job.state}; only queued, paused, waiting or failed jobs can be edited.`,
        );
      const started = job.sessionUri !== null || job.videoId !== null;
      const fixed = sessionFields.filter(
        (f) => f in fields && JSON.stringify(fields[f]) !== JSON.stringify(job.metadata[f]),
      );
      if (started && fixed.length)
        throw new AppError(
          'invalid_state',
          `"${job.title}" has started uploading, so YouTube already has its ${fixed.join(', ')}: change them in YouTube Studio once it is done. Its thumbnail and playlist can still change here.`,
        );
      const metadata = VideoMetadataSchema.parse({ ...job.metadata, ...fields });
      const problems = validateMetadata(metadata);
      if (problems.length)
        throw new AppError('invalid_input', `"${job.title}": ${describeProblems(problems)}`);
      const thumb = thumbnail === undefined ? job.thumbnail : thumbnail && resolve(thumbnail);
      if (thumb && thumb !== job.thumbnail) {
        try {
          fingerprint(thumb);
        } catch {
          throw new AppError('invalid_input', `thumbnail ${thumb} cannot be read`);
        }
      }
      return { job, metadata, thumb };
    });
    const at = this.#iso();
    const saved = this.#d.db.transaction(() =>
      plans.map(({ job, metadata, thumb }) => {
        this.#d.repo.updateDetails(job.id, metadata, thumb, at);
        // A publish time set by hand is no longer the schedule's slot; the chapters are read again.
        const keepsSlot =
          job.slotMs !== null &&
          metadata.publishAt !== null &&
          Date.parse(metadata.publishAt) === job.slotMs;
        this.#d.repo.update(
          job.id,
          {
            warnings: metadataWarnings(metadata),
            ...(job.slotMs !== null && !keepsSlot ? { slotMs: null } : {}),
          },
          at,
        );
        const changed = Object.keys(patch).filter(
          (k) => k !== 'thumbnail' || thumb !== job.thumbnail,
        );
        this.#d.timeline.record(
          job.id,
          at,
          'edited',
          `Details changed: ${changed.join(', ') || 'none'}.`,
        );
        // Wrong details were the failure: with them fixed the job can go.
        if (job.state === 'failed' && job.error?.code === 'invalid_metadata') {
          const queued = this.#d.repo.update(
            job.id,
            { state: 'queued', error: null, attempts: 0, waitReason: null, nextAttemptAt: null },
            at,
          );
          this.#d.timeline.observe(job, queued, at);
          return queued;
        }
        return this.#d.repo.get(job.id) as JobRecord;
      }),
    )();
    for (const job of saved) this.#d.events.emit('jobs.changed', publicJob(job));
    this.#d.pump();
    return saved.map(publicJob);
  }

  remove(ids: readonly string[]): string[] {
    const jobs = [...new Set(ids)].map((id) => this.#require(id));
    const busy = jobs.find((j) => j.state !== 'failed' && j.state !== 'cancelled');
    if (busy)
      throw new AppError(
        'invalid_state',
        `"${busy.title}" is ${busy.state}; only failed or cancelled jobs can be removed (cancel it first).`,
      );
    const removed = jobs.map((j) => j.id);
    this.#d.repo.remove(removed);
    this.#d.events.emit('jobs.removed', { ids: removed });
    return removed;
  }

  /** Clears every done job from the queue; the history keeps them (migration 010). */
  clearDone(): string[] {
    const cleared = this.#d.repo.clearDone(new Date(this.#d.clock.now()).toISOString());
    if (cleared.length) this.#d.events.emit('jobs.removed', { ids: cleared });
    return cleared;
  }

  /** top/bottom: of the whole queue; up/down: past the next job of the same channel. */
  move(id: string, to: 'top' | 'up' | 'down' | 'bottom'): string[] {
    const job = this.#require(id);
    const repo = this.#d.repo;
    if (to === 'top') repo.setPosition(id, repo.edgePosition('min') - 1);
    else if (to === 'bottom') repo.setPosition(id, repo.edgePosition('max') + 1);
    else {
      const siblings = repo.listByChannel(job.channelId).map((j) => j.id);
      const index = siblings.indexOf(id);
      const other = siblings[to === 'up' ? index - 1 : index + 1];
      if (other !== undefined) {
        const mine = repo.position(id);
        repo.setPosition(id, repo.position(other));
        repo.setPosition(other, mine);
      }
    }
    this.#d.timeline.record(
      id,
      this.#iso(),
      'moved',
      `Moved ${to === 'top' || to === 'bottom' ? `to the ${to} of` : to + ' in'} the queue.`,
    );
    const order = repo.order();
    this.#d.events.emit('jobs.reordered', { order });
    this.#d.pump();
    return order;
  }

  #require(id: string): JobRecord {
    const job = this.#d.repo.get(id);
    if (!job) throw new AppError('not_found', `No job with id ${id}.`);
    return job;
  }

  #iso(): string {
    return new Date(this.#d.clock.now()).toISOString();
  }
}
