import { canPauseJob, type Job, type JobProgress } from '../../../src-shared/domain/job.ts';

export interface ChannelSummary {
  channelId: string;
  total: number;
  active: number;
  paused: number;
  /** Jobs that Pause all would pause: queued, waiting or running. */
  pausable: number;
  bytesSent: number;
  bytesTotal: number;
  rate: number;
}

export type Row = { kind: 'channel'; summary: ChannelSummary } | { kind: 'job'; job: Job };

export function bytesOf(job: Job, progress: JobProgress | undefined): number {
  return job.state === 'uploading' && progress ? progress.bytesSent : job.bytesSent;
}

/**
 * One flat list for the virtualizer: a header per channel, then its jobs in
 * queue order. Connected channels get a header even with no jobs, so there
 * is always a place to drop videos for them.
 */
export function buildRows(
  jobs: Record<string, Job>,
  order: string[],
  progress: Record<string, JobProgress>,
  channelIds: readonly string[] = [],
): Row[] {
  const groups = new Map<string, Job[]>(channelIds.map((id) => [id, []]));
  for (const id of order) {
    const job = jobs[id];
    if (!job) continue;
    const list = groups.get(job.channelId) ?? [];
    list.push(job);
    groups.set(job.channelId, list);
  }
  const rows: Row[] = [];
  for (const [channelId, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const summary: ChannelSummary = {
      channelId,
      total: list.length,
      active: 0,
      paused: 0,
      pausable: 0,
      bytesSent: 0,
      bytesTotal: 0,
      rate: 0,
    };
    for (const job of list) {
      const p = progress[job.id];
      if (job.state === 'uploading' || job.state === 'processing') summary.active++;
      if (job.state === 'paused') summary.paused++;
      if (canPauseJob(job)) summary.pausable++;
      summary.bytesSent += bytesOf(job, p);
      summary.bytesTotal += job.bytesTotal;
      if (job.state === 'uploading' && p) summary.rate += p.rate;
    }
    rows.push({ kind: 'channel', summary });
    for (const job of list) rows.push({ kind: 'job', job });
  }
  return rows;
}

/** The queue's order without the finished jobs the user cleared (done or cancelled before then). */
export function withoutCleared(
  jobs: Record<string, Job>,
  order: string[],
  clearedAt: string | null,
): string[] {
  if (!clearedAt) return order;
  return order.filter((id) => {
    const job = jobs[id];
    return !job || !(['done', 'cancelled'].includes(job.state) && job.updatedAt <= clearedAt);
  });
}
