import { describeChange, fingerprint, type Fingerprint } from './file-fingerprint.ts';
import type { JobRecord } from './job-repository.ts';
import type { RunOutcome } from './outcome.ts';

/**
 * Before a new upload session, whatever the destination: the job's file must still be readable
 * and be the file that was queued (size, mtime, partial hash). A missing file may come back
 * (a drive not mounted yet: retryable); a changed one is another video and needs a new job.
 */
export function checkQueuedFile(
  job: JobRecord,
): { ok: true; actual: Fingerprint } | { ok: false; outcome: RunOutcome } {
  let actual: Fingerprint;
  try {
    actual = fingerprint(job.file);
  } catch (error) {
    return failed(
      'file_missing',
      `The file ${job.file} cannot be read: ${(error as Error).message}`,
      true,
    );
  }
  const change = describeChange(
    { size: job.bytesTotal, mtimeMs: job.fileMtimeMs, partialHash: job.filePartialHash },
    actual,
  );
  if (change)
    return failed(
      'file_changed',
      `The file ${job.file} changed since it was queued (${change}); add it again to upload the new version.`,
      false,
    );
  return { ok: true, actual };
}

const failed = (code: string, message: string, retryable: boolean) =>
  ({ ok: false, outcome: { kind: 'failed', error: { code, message, retryable } } }) as const;
