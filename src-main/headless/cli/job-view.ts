import type { Job } from '../../../src-shared/domain/job.ts';

/** The job shape of cli.md; scripts rely on exactly these keys. */
export function cliJob(job: Job) {
  return {
    id: job.id,
    file: job.file,
    channelId: job.channelId,
    state: job.state,
    bytesSent: job.bytesSent,
    bytesTotal: job.bytesTotal,
    videoId: job.videoId,
    error: job.error,
  };
}

export function jobLine(job: Job): string {
  const pct = job.bytesTotal ? Math.floor((job.bytesSent / job.bytesTotal) * 100) : 0;
  const extra = job.videoId
    ? ` video ${job.videoId}`
    : job.waitUntil
      ? ` until ${job.waitUntil}`
      : '';
  const error = job.error ? `  ${job.error.message}` : '';
  return `${job.id}  ${job.state.padEnd(10)} ${String(pct).padStart(3)}%  ${job.channelId}  ${job.file}${extra}${error}`;
}
