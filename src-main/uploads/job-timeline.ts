import type { TimelineEntry, TimelineKind } from '../../src-shared/domain/job-timeline.ts';
import type { Db } from '../db/database.ts';
import type { JobRecord } from './job-repository.ts';

const mb = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

const waitWords: Record<string, string> = {
  quota: 'Waiting for YouTube quota',
  channel_limit: "Waiting for the channel's 24-hour upload cap",
  backoff: 'Waiting to try again',
  offline: 'Waiting for the network',
  token: 'Waiting for the channel sign-in',
};

/** What one saved change of a job means for its history; none when nothing a creator cares about moved. */
export function timelineOf(before: JobRecord, after: JobRecord): [TimelineKind, string][] {
  const out: [TimelineKind, string][] = [];
  if (before.sessionUri === null && after.sessionUri !== null)
    out.push(['session', 'Upload session created at YouTube.']);
  if (before.sessionUri !== null && after.sessionUri === null && after.videoId === null)
    out.push(['session', 'The upload session ended; a new one will be created.']);
  if (before.state !== after.state) {
    const at = `${mb(after.bytesSent)} of ${mb(after.bytesTotal)}`;
    switch (after.state) {
      case 'uploading':
        out.push([
          'started',
          after.bytesSent > 0
            ? `Upload resumed at ${at}.`
            : `Upload started (${mb(after.bytesTotal)}).`,
        ]);
        break;
      case 'processing':
        out.push([
          'step',
          before.videoId === null && after.videoId
            ? `Video uploaded (${after.videoId}); the thumbnail and playlist steps follow.`
            : 'Running the thumbnail and playlist steps.',
        ]);
        break;
      case 'paused':
        out.push(['paused', `Paused at ${at}.`]);
        break;
      case 'queued':
        out.push(
          before.state === 'paused'
            ? ['resumed', 'Resumed.']
            : before.state === 'failed' || before.state === 'cancelled'
              ? ['retry', 'Queued again.']
              : ['queued', 'Back in the queue.'],
        );
        break;
      case 'waiting':
        out.push([
          'waiting',
          `${waitWords[after.waitReason ?? 'backoff'] ?? 'Waiting'}${after.waitUntil ? ` until ${after.waitUntil}` : ''}${after.error ? `: ${after.error.message}` : '.'}`,
        ]);
        break;
      case 'failed':
        out.push(['failed', after.error?.message ?? 'Failed.']);
        break;
      case 'done':
        out.push(['done', after.videoId ? `Done: https://youtu.be/${after.videoId}` : 'Done.']);
        break;
      case 'cancelled':
        out.push(['cancelled', 'Cancelled.']);
        break;
    }
  } else if (after.state === 'waiting' && after.attempts > before.attempts) {
    out.push([
      'retry',
      `Attempt ${after.attempts + 1} is next${after.error ? ` after: ${after.error.message}` : '.'}`,
    ]);
  }
  for (const [step, name] of [
    ['thumbnailStep', 'Thumbnail'],
    ['playlistStep', 'Playlist'],
  ] as const) {
    if (before[step] === after[step]) continue;
    if (after[step] === 'done') out.push(['step', `${name} set.`]);
    if (after[step] === 'failed') out.push(['step', `${name} step failed.`]);
  }
  return out;
}

/** The job_events table: a job's history, written as the engine saves its changes. */
export class JobTimeline {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  record(jobId: string, at: string, kind: TimelineKind, message: string): void {
    this.#db
      .prepare('INSERT INTO job_events (job_id, at, kind, message) VALUES (?, ?, ?, ?)')
      .run(jobId, at, kind, message);
  }

  has(jobId: string): boolean {
    return (
      this.#db.prepare('SELECT 1 FROM job_events WHERE job_id = ? LIMIT 1').get(jobId) !== undefined
    );
  }

  /** The first line: how the job came to be, and its failure when its file or details were wrong. */
  added(job: JobRecord, source: 'ui' | 'cli' | 'watch', at: string): void {
    const from = { ui: 'the app', cli: 'the command line', watch: 'a watched folder' }[source];
    this.record(job.id, at, 'queued', `Added from ${from}: ${job.file} (${mb(job.bytesTotal)}).`);
    if (job.state === 'failed') this.record(job.id, at, 'failed', job.error?.message ?? 'Failed.');
  }

  observe(before: JobRecord, after: JobRecord, at: string): void {
    for (const [kind, message] of timelineOf(before, after))
      this.record(after.id, at, kind, message);
  }

  list(jobId: string): TimelineEntry[] {
    return this.#db
      .prepare('SELECT at, kind, message FROM job_events WHERE job_id = ? ORDER BY id')
      .all(jobId) as TimelineEntry[];
  }
}
