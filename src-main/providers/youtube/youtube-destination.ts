import type { DestinationProvider } from '../../uploads/destination-provider.ts';
import { runJob } from '../../uploads/job-runner.ts';
import type { RunnerDeps } from '../../uploads/runner-deps.ts';

/**
 * YouTube as a destination: the upload engine's resumable upload and its
 * steps after the video, unchanged. It owns every id no other provider
 * claims (channel ids `UC...`), so it goes last.
 */
export function youtubeDestination(runner: RunnerDeps): DestinationProvider {
  return {
    kind: 'youtube',
    usesYouTubeQuota: true,
    owns: () => true,
    run: (job, signal) => runJob(runner, job, signal),
  };
}
