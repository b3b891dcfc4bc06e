import type { JobPatch, JobRecord } from './job-repository.ts';

/** Whether a saved change is one the UI shows, so that `jobs.changed` is worth sending. */
export function changeIsVisible(
  before: JobRecord | null,
  job: JobRecord,
  patch: JobPatch,
): boolean {
  return (
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
    (patch.bytesSent !== undefined && job.state !== 'uploading')
  );
}
