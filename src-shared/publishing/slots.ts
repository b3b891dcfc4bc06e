import { canRetryJob, type JobState } from '../domain/job.ts';

/**
 * Whether a job still holds its schedule slot: queued, running and done jobs
 * do, and so does a failed one that a retry could still publish. A cancelled
 * job frees it, unless its video is already on YouTube with that time.
 */
export function holdsSlot(job: {
  state: JobState;
  videoId: string | null;
  error: { code: string } | null;
}): boolean {
  if (job.videoId !== null) return true;
  if (job.state === 'cancelled') return false;
  if (job.state === 'failed') return canRetryJob(job);
  return true;
}
