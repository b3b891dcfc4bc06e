import type { AppErrorShape } from '../../src-shared/api/errors.ts';
import type { WaitReason } from '../../src-shared/domain/job.ts';

/** How one run of a job ended; the engine turns it into the job's next state. */
export type RunOutcome =
  | { kind: 'done' }
  | { kind: 'wait'; reason: WaitReason; until: number; error: AppErrorShape; attempts: number }
  | { kind: 'failed'; error: AppErrorShape }
  /** Paused, cancelled or shut down: whoever aborted already wrote the state. */
  | { kind: 'aborted' };

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
