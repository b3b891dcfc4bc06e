import type { Job, JobProgress } from '../../src-shared/domain/job.ts';

/**
 * The window's (or tab's) title: what is moving, so a creator sees it from the
 * taskbar or another tab. "2 uploading · 43% — Dropline", "1 failed — Dropline".
 */
export function titleText(jobs: Iterable<Job>, progress: Record<string, JobProgress>): string {
  let uploading = 0;
  let failed = 0;
  let waiting = 0;
  let sent = 0;
  let total = 0;
  for (const job of jobs) {
    if (job.state === 'uploading') {
      uploading++;
      sent += progress[job.id]?.bytesSent ?? job.bytesSent;
      total += job.bytesTotal;
    } else if (job.state === 'failed') failed++;
    else if (job.state === 'waiting') waiting++;
  }
  const parts: string[] = [];
  if (uploading)
    parts.push(`${uploading} uploading · ${total ? Math.floor((sent / total) * 100) : 0}%`);
  else if (waiting) parts.push(`${waiting} waiting`);
  if (failed) parts.push(`${failed} failed`);
  return parts.length ? `${parts.join(' · ')} — Dropline` : 'Dropline';
}
