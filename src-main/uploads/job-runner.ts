import { isAppError } from '../../src-shared/api/errors.ts';
import { GoogleApiError } from '../youtube/google-error.ts';
import { NetworkError } from '../youtube/google-http.ts';
import { backoffDelay } from '../base/backoff.ts';
import type { JobRecord } from './job-repository.ts';
import type { RunOutcome } from './outcome.ts';
import { runPostSteps } from './post-steps.ts';
import type { RunnerDeps } from './runner-deps.ts';
import { quotaWait, runUploadPhase } from './upload-phase.ts';

/** 5xx and rate limits are retried this many times in a row before the job fails. */
export const maxServerAttempts = 8;
export const channelCapMs = 24 * 60 * 60 * 1000;

/** One run of a job: the upload if the video does not exist yet, then the steps after it. */
export async function runJob(
  deps: RunnerDeps,
  job: JobRecord,
  signal: AbortSignal,
): Promise<RunOutcome> {
  try {
    let current = job;
    if (current.videoId === null) {
      const result = await runUploadPhase(deps, current, signal);
      if ('kind' in result) return result;
      current = result;
    }
    return await runPostSteps(deps, current, signal);
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    const latest = deps.repo.get(job.id) ?? job;
    return outcomeOf(deps, latest, error);
  }
}

function retryAfter(
  deps: RunnerDeps,
  job: JobRecord,
  reason: 'backoff' | 'offline' | 'token',
  code: string,
  message: string,
): RunOutcome {
  const attempts = job.attempts + 1;
  const until = deps.clock.now() + backoffDelay(attempts, deps.backoff, deps.random);
  return {
    kind: 'wait',
    reason,
    until,
    attempts,
    error: {
      code,
      message: `${message.replace(/\.$/, '')}; trying again at ${new Date(until).toISOString()}.`,
      retryable: true,
    },
  };
}

export function outcomeOf(deps: RunnerDeps, job: JobRecord, error: unknown): RunOutcome {
  if (error instanceof NetworkError)
    return retryAfter(
      deps,
      job,
      'offline',
      'network',
      `The connection to YouTube failed (${error.message})`,
    );
  if (error instanceof GoogleApiError) {
    const f = error.failure;
    switch (f.kind) {
      case 'quota':
        deps.ledger.markExhausted(deps.projectIdFor(job.channelId));
        return quotaWait(deps, job);
      case 'uploadLimit': {
        const until = deps.clock.now() + channelCapMs;
        deps.repo.hold(job.channelId, until, f.reason);
        return {
          kind: 'wait',
          reason: 'channel_limit',
          until,
          attempts: job.attempts,
          error: {
            code: 'upload_limit_exceeded',
            message: `${f.message} Waiting until ${new Date(until).toISOString()}; other channels go on.`,
            retryable: true,
          },
        };
      }
      case 'server':
      case 'rate':
        if (job.attempts + 1 >= maxServerAttempts)
          return {
            kind: 'failed',
            error: {
              code: f.reason,
              message: `${f.message} (gave up after ${maxServerAttempts} tries)`,
              retryable: true,
            },
          };
        return retryAfter(deps, job, 'backoff', f.reason, f.message);
      case 'unauthorized':
        if (job.attempts + 1 >= maxServerAttempts)
          return {
            kind: 'failed',
            error: {
              code: 'unauthorized',
              message: "YouTube keeps refusing this channel's sign-in; reconnect the channel.",
              retryable: true,
            },
          };
        return retryAfter(
          deps,
          job,
          'token',
          'unauthorized',
          'YouTube refused the sign-in even after a refresh',
        );
      case 'notFound':
      case 'permanent':
        return { kind: 'failed', error: { code: f.reason, message: f.message, retryable: false } };
    }
  }
  if (isAppError(error)) {
    // From the token source: a channel that needs a new consent cannot go on by waiting.
    if (error.retryable) return retryAfter(deps, job, 'token', error.code, error.message);
    return {
      kind: 'failed',
      error: { code: error.code, message: error.message, retryable: false },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  deps.log.error('upload run failed', { jobId: job.id, error });
  if (job.attempts + 1 >= maxServerAttempts)
    return { kind: 'failed', error: { code: 'internal', message, retryable: true } };
  return retryAfter(deps, job, 'backoff', 'internal', message);
}
