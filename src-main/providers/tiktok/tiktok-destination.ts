import { isTikTokDestination } from '../../../src-shared/domain/tiktok.ts';
import type { DestinationProvider } from '../../uploads/destination-provider.ts';
import type { RunnerDeps } from '../../uploads/runner-deps.ts';
import { runTikTokJob, type TikTokUploadDeps } from './tiktok-upload.ts';

/** TikTok as a destination: ids `tiktok:<open_id>`, no YouTube quota. */
export function tiktokDestination(deps: TikTokUploadDeps, runner: RunnerDeps): DestinationProvider {
  return {
    kind: 'tiktok',
    usesYouTubeQuota: false,
    owns: isTikTokDestination,
    run: (job, signal) => runTikTokJob(deps, runner, job, signal),
  };
}
