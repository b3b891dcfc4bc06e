import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import type { WaitReason } from '../../src-shared/domain/job.ts';
import type { JobPatch } from './job-repository.ts';

/** How one run of a job ended; the engine turns it into the job's next state. */
export type RunOutcome =
  | { kind: 'done' }
  | { kind: 'wait'; reason: WaitReason; until: number; error: AppErrorShape; attempts: number }
  | { kind: 'failed'; error: AppErrorShape }
  /** Paused, cancelled or shut down: whoever aborted already wrote the state. */
  | { kind: 'aborted' };

/** The job's next state after a run; null when the run was aborted (the aborter wrote it). */
export function patchFor(outcome: RunOutcome): JobPatch | null {
  switch (outcome.kind) {
    case 'aborted':
      return null;
    case 'done':
      return { state: 'done', error: null, attempts: 0, waitReason: null, nextAttemptAt: null };
    case 'wait':
      return {
        state: 'waiting',
        waitReason: outcome.reason,
        nextAttemptAt: outcome.until,
        attempts: outcome.attempts,
        error: outcome.error,
      };
    case 'failed':
      return { state: 'failed', error: outcome.error, waitReason: null, nextAttemptAt: null };
  }
}

export function sleep(
  clock: { setTimeout(fn: () => void, ms: number): () => void },
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      cancel();
      reject(signal.reason);
    };
    const cancel = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
