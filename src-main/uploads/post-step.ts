import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import type { QuotaCall } from '../youtube/quota-costs.ts';
import type { JobPatch, JobRecord } from './job-repository.ts';

/**
 * One call after the video exists (thumbnail, playlist, a caption): its own
 * retries, its own state on the job, and never a second upload of the video.
 */
export interface PostStep {
  name: string;
  call: QuotaCall;
  /** Finishes the sentence "The video was uploaded (id X), but ...". */
  label: string;
  run(token: string, signal: AbortSignal): Promise<void>;
  /** The job change once the step succeeded. */
  done(job: JobRecord): JobPatch;
  /** The job change once the step gave up. */
  failed(job: JobRecord): JobPatch;
  /**
   * A failure that retrying cannot fix until the user acts (a channel
   * connected without caption access): the job error to show, or null for
   * the usual handling.
   */
  needsUser?(error: unknown, job: JobRecord): AppErrorShape | null;
  /** An answer that means the step already happened (a caption that exists). */
  alreadyDone?(error: unknown): boolean;
}

/** Steps other folders add after the built-in ones (publishing: captions). */
export type PostStepSource = (job: JobRecord, signal: AbortSignal) => PostStep[];
