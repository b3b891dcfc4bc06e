import type { ApiClient } from '../../../src-shared/api/client.ts';
import type { Job, JobProgress } from '../../../src-shared/domain/job.ts';

const MB = 1_000_000;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** One stderr line per tenth of each upload, and one per state change: long waits show life. */
export function progressLine(job: Pick<Job, 'title' | 'channelId'>, p: JobProgress): string {
  const pct = p.bytesTotal ? Math.floor((p.bytesSent / p.bytesTotal) * 100) : 0;
  const rate = p.rate > 0 ? `, ${mb(p.rate)}/s` : '';
  const eta = p.etaSeconds !== null ? `, ${p.etaSeconds} s left` : '';
  return `${job.title} -> ${job.channelId}: ${pct}% (${mb(p.bytesSent)} of ${mb(p.bytesTotal)})${rate}${eta}`;
}

/**
 * While `dropline upload --wait` waits, tells stderr how each of its jobs
 * moves (stdout stays the one JSON document with --json). Returns the
 * unsubscribe function.
 */
export function reportWaitProgress(
  api: ApiClient,
  jobs: () => readonly Job[],
  err: (line: string) => void,
): () => void {
  const tenths = new Map<string, number>();
  const states = new Map<string, Job['state']>();
  const tell = (job: Job) => {
    if (states.get(job.id) === job.state) return;
    states.set(job.id, job.state);
    const why = job.error && job.state !== 'done' ? `: ${job.error.message}` : '';
    err(`${job.title} -> ${job.channelId}: ${job.state}${why}`);
  };
  for (const job of jobs()) tell(job);
  const offProgress = api.on('jobs.progressed', (p) => {
    const job = jobs().find((j) => j.id === p.id);
    if (!job || !p.bytesTotal) return;
    const tenth = Math.floor((p.bytesSent / p.bytesTotal) * 10);
    if (tenth <= (tenths.get(p.id) ?? -1)) return;
    tenths.set(p.id, tenth);
    err(progressLine(job, p));
  });
  const offChanged = api.on('jobs.changed', (job) => {
    if (states.has(job.id)) tell(job);
  });
  return () => {
    offProgress();
    offChanged();
  };
}
