import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import { GoogleApiError } from '../youtube/google-error.ts';
import { NetworkError } from '../youtube/google-http.ts';
import { prepareThumbnail } from '../youtube/thumbnail-fit.ts';
import { backoffDelay } from '../base/backoff.ts';
import type { JobRecord } from './job-repository.ts';
import { sleep, type RunOutcome } from './outcome.ts';
import type { PostStep } from './post-step.ts';
import type { RunnerDeps } from './runner-deps.ts';
import { quotaWait } from './upload-phase.ts';

const stepAttempts = 5;

function builtInSteps(deps: RunnerDeps, job: JobRecord): PostStep[] {
  const videoId = job.videoId as string;
  const steps: PostStep[] = [];
  if (job.thumbnail && job.thumbnailStep !== 'done' && job.thumbnailStep !== 'none') {
    const path = job.thumbnail;
    steps.push({
      name: 'thumbnail',
      call: 'thumbnails.set',
      done: () => ({ thumbnailStep: 'done' }),
      failed: () => ({ thumbnailStep: 'failed' }),
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
      call: 'playlistItems.insert',
      done: () => ({ playlistStep: 'done' }),
      failed: () => ({ playlistStep: 'failed' }),
      label: `the video could not be added to playlist ${playlistId}`,
      run: (token, signal) => deps.extras.addToPlaylist({ token, videoId, playlistId, signal }),
    });
  return steps;
}

/**
 * Thumbnail, then playlist, then the steps other folders add (captions),
 * each with its own retries. A failure marks its step and the job, and
 * never touches the uploaded video.
 */
export async function runPostSteps(
  deps: RunnerDeps,
  start: JobRecord,
  signal: AbortSignal,
): Promise<RunOutcome> {
  let job = start;
  const projectId = deps.projectIdFor(job.channelId);
  const failures: AppErrorShape[] = [];
  const steps = [...builtInSteps(deps, job), ...(deps.extraSteps?.(job, signal) ?? [])];
  for (const step of steps) {
    let token = await deps.tokens.getAccessToken(job.channelId);
    let failure: AppErrorShape | null = null;
    for (let attempt = 1; ; attempt++) {
      if (!deps.ledger.canAfford(projectId, step.call)) return quotaWait(deps, job);
      try {
        await step.run(token, signal);
        deps.ledger.charge(projectId, step.call, job.id);
        job = deps.save(job, step.done(deps.repo.get(job.id) ?? job));
        break;
      } catch (error) {
        if (signal.aborted) throw error;
        const google = error instanceof GoogleApiError ? error.failure : null;
        if (google && google.kind !== 'quota') deps.ledger.charge(projectId, step.call, job.id);
        if (step.alreadyDone?.(error)) {
          job = deps.save(job, step.done(deps.repo.get(job.id) ?? job));
          break;
        }
        const blocked = step.needsUser?.(error, job) ?? null;
        if (blocked) {
          failure = blocked;
          job = deps.save(job, step.failed(deps.repo.get(job.id) ?? job));
          break;
        }
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
        job = deps.save(job, step.failed(deps.repo.get(job.id) ?? job));
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
