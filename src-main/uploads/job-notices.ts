import type { NoticeInput } from '../../src-shared/domain/notice.ts';
import type { JobRecord } from './job-repository.ts';

/**
 * The notice a job's state change deserves, if any: done, failed, or the
 * start of a wait for quota (one per Google project and reset time, so a
 * queue of 40 videos hitting the quota says so once).
 */
export function jobNotice(
  before: JobRecord | null,
  job: JobRecord,
  channelTitle: string,
): NoticeInput | null {
  if (before?.state === job.state && before.waitReason === job.waitReason) return null;
  const on = channelTitle ? ` on ${channelTitle}` : '';
  switch (job.state) {
    case 'done':
      return {
        level: 'info',
        kind: 'upload_done',
        title: `Uploaded "${job.title}"`,
        message: `"${job.title}" is on YouTube${on}${job.videoId ? ` (video ${job.videoId})` : ''}.`,
        channelId: job.channelId,
        jobId: job.id,
      };
    case 'failed':
      return {
        level: 'error',
        kind: 'upload_failed',
        title: `Upload failed: "${job.title}"`,
        message: `${job.error?.message ?? 'The upload failed.'}${on ? ` (${channelTitle})` : ''} Open the queue to retry it.`,
        channelId: job.channelId,
        jobId: job.id,
      };
    case 'waiting':
      if (job.waitReason !== 'quota') return null;
      return {
        level: 'warning',
        kind: 'quota_wait',
        title: 'Waiting for YouTube quota',
        message: `${job.error?.message ?? 'The daily YouTube quota is used up.'} "${job.title}"${on} and the uploads after it start then by themselves.`,
        channelId: job.channelId,
        jobId: job.id,
      };
    default:
      return null;
  }
}
