import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { AccessTokenSource } from '../channels/access-token-source.ts';
import type { QuotaLedger } from '../youtube/quota-ledger.ts';
import type { ResumableUploadClient } from '../youtube/resumable-upload.ts';
import type { VideoExtrasClient } from '../youtube/video-extras.ts';
import type { BackoffPolicy } from '../base/backoff.ts';
import type { BandwidthLimiter } from './bandwidth-limiter.ts';
import type { JobRecord, JobRepository } from './job-repository.ts';
import type { PostStepSource } from './post-step.ts';
import type { ProgressSample } from './progress-meter.ts';

/** Everything one job run touches, handed in by the engine. */
export interface RunnerDeps {
  repo: JobRepository;
  clock: Clock;
  log: Logger;
  tokens: AccessTokenSource;
  ledger: QuotaLedger;
  uploads: ResumableUploadClient;
  extras: VideoExtrasClient;
  limiter: BandwidthLimiter;
  projectIdFor(channelId: string): string;
  /** Bytes of the first PUT; a multiple of 256 KiB. */
  chunkSize: number;
  /** The most bytes one PUT may grow to (see ChunkSizer); equal to chunkSize for fixed chunks. */
  maxChunkSize: number;
  backoff: BackoffPolicy;
  random(): number;
  /** Writes a job change and announces it. */
  save(job: JobRecord, patch: Parameters<JobRepository['update']>[1]): JobRecord;
  onProgress(job: JobRecord, sample: ProgressSample): void;
  /** Steps after the built-in ones (captions), from the composition root. */
  extraSteps?: PostStepSource;
}

export const chunkQuantum = 256 * 1024;
export const defaultChunkSize = 8 * 1024 * 1024;
export const defaultMaxChunkSize = 128 * 1024 * 1024;

export function checkChunkSize(size: number): number {
  if (!Number.isInteger(size) || size < chunkQuantum || size % chunkQuantum !== 0)
    throw new Error(`chunk size ${size} must be a positive multiple of 262144 bytes (256 KiB)`);
  return size;
}
