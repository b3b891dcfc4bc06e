import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import { GoogleApiError } from '../youtube/google-error.ts';
import { NetworkError } from '../youtube/google-http.ts';
import type { QuotaCall } from '../youtube/quota-costs.ts';
import { prepareThumbnail } from '../youtube/thumbnail-fit.ts';
import { backoffDelay } from './backoff.ts';
import type { JobRecord } from './job-repository.ts';
import { sleep, type RunOutcome } from './outcome.ts';
import type { RunnerDeps } from './runner-deps.ts';
import { quotaWait } from './upload-phase.ts';

const stepAttempts = 5;

interface Step {
  name: 'thumbnail' | 'playlist';
  field: 'thumbnailStep' | 'playlistStep';
  call: QuotaCall;
  label: string;
  run(token: string, signal: AbortSignal): Promise<void>;
}

function stepsFor(deps: RunnerDeps, job: JobRecord): Step[] {
  const videoId = job.videoId as string;
  const steps: Step[] = [];
  if (job.thumbnail && job.thumbnailStep !== 'done' && job.thumbnailStep !== 'none') {
    const path = job.thumbnail;
    steps.push({
      name: 'thumbnail',
      field: 'thumbnailStep',
      call: 'thumbnails.set',
      label: 'the thumbnail could not be set',
      async run(token, signal) {
        const image = await prepareThumbnail(path);
        await deps.extras.setThumbnail({
          token,
          videoId,
          image: image.data,
          contentType: image.contentType,
          signal,
        });
      },
    });
  }
  const playlistId = job.metadata.playlistId;
  if (playlistId && job.playlistStep !== 'done' && job.playlistStep !== 'none')
    steps.push({
      name: 'playlist',
      field: 'playlistStep',
      call: 'playlistItems.insert',
      label: `the video could not be added to playlist ${playlistId}`,
      run: (token, signal) => deps.extras.addToPlaylist({ token, videoId, playlistId, signal }),
    });
  return steps;
}

/**
 * Thumbnail, then playlist, each with its own retries. A failure marks its
 * step and the job, and never touches the uploaded video.
 */
export async function runPostSteps(
  deps: RunnerDeps,
  start: JobRecord,
  signal: AbortSignal,
): Promise<RunOutcome> {
  let job = start;
  const projectId = deps.projectIdFor(job.channelId);
  const failures: AppErrorShape[] = [];
  for (const step of stepsFor(deps, job)) {
    let token = await deps.tokens.getAccessToken(job.channelId);
    let failure: AppErrorShape | null = null;
    for (let attempt = 1; ; attempt++) {
      if (!deps.ledger.canAfford(projectId, step.call)) return quotaWait(deps, job);
      try {
        await step.run(token, signal);
        deps.ledger.charge(projectId, step.call, job.id);
        job = deps.save(job, { [step.field]: 'done' });
        break;
      } catch (error) {
        if (signal.aborted) throw error;
        const google = error instanceof GoogleApiError ? error.failure : null;
        if (google && google.kind !== 'quota') deps.ledger.charge(projectId, step.call, job.id);
        if (google?.kind === 'quota') {
          deps.ledger.markExhausted(projectId);
          return quotaWait(deps, job);
        }
        if (google?.kind === 'unauthorized' && attempt < stepAttempts) {
          deps.tokens.invalidate(job.channelId, token);
          token = await deps.tokens.getAccessToken(job.channelId);
          continue;
        }
        const transient =
          error instanceof NetworkError || google?.kind === 'server' || google?.kind === 'rate';
        if (transient && attempt < stepAttempts) {
          await sleep(deps.clock, backoffDelay(attempt, deps.backoff, deps.random), signal);
          continue;
        }
        const message = error instanceof Error ? error.message : String(error);
        failure = {
          code: `${step.name}_failed`,
          message: `The video was uploaded (id ${job.videoId}), but ${step.label}: ${message}`,
          retryable: true,
        };
        job = deps.save(job, { [step.field]: 'failed' });
        break;
      }
    }
    if (failure) failures.push(failure);
  }
  const first = failures[0];
  if (first)
    return {
      kind: 'failed',
      error: { ...first, message: failures.map((f) => f.message).join(' ') },
    };
  return { kind: 'done' };
}
