import type { JobRecord } from './job-repository.ts';
import type { RunOutcome } from './outcome.ts';
import type { RunnerDeps } from './runner-deps.ts';

/**
 * A destination kind (YouTube, TikTok, ...): its own sign-in, upload
 * protocol, metadata rules and limits behind one call. A job is (file,
 * destination id); the first provider that owns the id runs it.
 */
export interface DestinationProvider {
  readonly kind: string;
  owns(destinationId: string): boolean;
  /** One run of the job; the engine turns the outcome into its next state. */
  run(job: JobRecord, signal: AbortSignal): Promise<RunOutcome>;
  /** A job whose destination counts YouTube quota and channel caps (the engine's own checks). */
  readonly usesYouTubeQuota: boolean;
}

/** Built by the composition root with the engine's runner (bytes, progress, saves). */
export type DestinationFactory = (runner: RunnerDeps) => DestinationProvider[];
