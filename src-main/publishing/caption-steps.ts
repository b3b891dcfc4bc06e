import { readFile } from 'node:fs/promises';
import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import type { JobCaption } from '../../src-shared/domain/job.ts';
import { captionLimits } from '../../src-shared/watch/captions.ts';
import { baseName } from '../../src-shared/watch/file-kinds.ts';
import type { Notices } from '../notices/notices.ts';
import type { JobPatch, JobRecord } from '../uploads/job-repository.ts';
import type { PostStep, PostStepSource } from '../uploads/post-step.ts';
import type { CaptionsClient } from '../youtube/captions-client.ts';
import { GoogleApiError } from '../youtube/google-error.ts';

const withCaption = (job: JobRecord, file: string, change: Partial<JobCaption>): JobPatch => ({
  captions: job.captions.map((c) => (c.file === file ? { ...c, ...change } : c)),
});

/** captions.insert needs the youtube.force-ssl scope; a channel connected before Dropline asked for it lacks it. */
function missingScope(error: unknown): boolean {
  return (
    error instanceof GoogleApiError &&
    error.status === 403 &&
    (error.failure.reason === 'insufficientPermissions' ||
      error.failure.reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT')
  );
}

/**
 * One post step per pending caption of the job, after thumbnail and
 * playlist: read the file, captions.insert, mark that caption. A caption
 * YouTube already has (409 captionExists, a retry after a lost answer)
 * counts as done; a sign-in without caption access asks for a reconnect.
 */
export function captionSteps(deps: { client: CaptionsClient; notices: Notices }): PostStepSource {
  return (job) =>
    job.captions
      .filter((c) => c.state === 'pending')
      .map((caption): PostStep => {
        let captionId: string | null = null;
        const name = baseName(caption.file);
        return {
          name: 'caption',
          call: 'captions.insert',
          label: `the caption ${name} (${caption.language}) could not be added`,
          async run(token, signal) {
            const body = await readFile(caption.file);
            if (body.length > captionLimits.maxBytes)
              throw new Error(`${name} grew past 100 MB since it was queued`);
            captionId = await deps.client.insert({
              token,
              videoId: job.videoId as string,
              language: caption.language,
              name: caption.name,
              body,
              signal,
            });
          },
          done: (current) => withCaption(current, caption.file, { state: 'done', captionId }),
          failed: (current) => withCaption(current, caption.file, { state: 'failed' }),
          alreadyDone: (error) =>
            error instanceof GoogleApiError && error.failure.reason === 'captionExists',
          needsUser(error, current): AppErrorShape | null {
            if (!missingScope(error)) return null;
            const message = `The video was uploaded (id ${current.videoId}), but the channel's sign-in does not allow captions (Dropline now asks for the youtube.force-ssl scope). Reconnect the channel on the Channels screen, then retry the job: only the captions are sent, the video is not uploaded again.`;
            deps.notices.post({
              level: 'warning',
              kind: 'needs_reconnect',
              title: 'Reconnect to add captions',
              message,
              channelId: current.channelId,
              jobId: current.id,
            });
            return { code: 'captions_need_reconnect', message, retryable: true };
          },
        };
      });
}
