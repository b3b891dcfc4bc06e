import type { FileCheck, ThumbnailCheck } from '../../../src-shared/api/job-edits.ts';

/** What the engine's jobs.check said of the typed videos and thumbnail, or that it is being asked. */
export interface UploadCheck {
  /** The answer for these inputs; null while it is being asked. */
  files: FileCheck[] | null;
  thumbnail: ThumbnailCheck | null;
  pending: boolean;
  error: string | null;
}

const videos = (n: number) => `${n} video${n === 1 ? '' : 's'}`;

/**
 * The line under the video files field's label: what the engine's check says of the
 * listed files. There is always a line, so the check's answer never moves the fields
 * below it: a click on a channel as the answer arrived landed on another spot.
 */
export function filesStatus(listed: number, check: UploadCheck): string {
  if (listed === 0) return 'No video listed yet';
  if (check.pending) return `Checking ${videos(listed)}…`;
  if (check.error !== null || check.files === null) return `Could not check ${videos(listed)}`;
  const checked = check.files.length;
  const troubled = check.files.filter((f) => f.problem).length;
  return troubled === 0 ? `${videos(checked)} ready` : `${checked - troubled} of ${checked} ready`;
}
