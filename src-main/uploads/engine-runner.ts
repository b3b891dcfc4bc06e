import type { QuotaLedger } from '../youtube/quota-ledger.ts';
import { ResumableUploadClient } from '../youtube/resumable-upload.ts';
import { VideoExtrasClient } from '../youtube/video-extras.ts';
import { defaultBackoff } from './backoff.ts';
import { BandwidthLimiter } from './bandwidth-limiter.ts';
import type { JobRepository } from './job-repository.ts';
import {
  checkChunkSize,
  defaultChunkSize,
  defaultMaxChunkSize,
  type RunnerDeps,
} from './runner-deps.ts';
import type { UploadEngineDeps } from './upload-engine-deps.ts';

/** What one upload run works with, built once by the engine from its own dependencies. */
export function runnerDepsFor(
  deps: UploadEngineDeps,
  own: Pick<RunnerDeps, 'repo' | 'ledger' | 'save'> & { ledger: QuotaLedger; repo: JobRepository },
): RunnerDeps {
  return {
    ...own,
    clock: deps.clock,
    log: deps.log,
    tokens: deps.tokens,
    uploads: new ResumableUploadClient(deps.http, deps.endpoints),
    extras: new VideoExtrasClient(deps.http, deps.endpoints),
    limiter: new BandwidthLimiter(deps.clock, () => deps.limits().bandwidthLimitKiBps),
    projectIdFor: deps.projectIdFor,
    chunkSize: checkChunkSize(deps.chunkSize ?? defaultChunkSize),
    maxChunkSize: checkChunkSize(deps.maxChunkSize ?? deps.chunkSize ?? defaultMaxChunkSize),
    backoff: deps.backoff ?? defaultBackoff,
    random: deps.random ?? Math.random,
    extraSteps: deps.extraSteps,
    onProgress: (job, s) =>
      deps.events.emit('jobs.progressed', {
        id: job.id,
        channelId: job.channelId,
        bytesSent: s.bytesSent,
        bytesTotal: job.bytesTotal,
        rate: s.rate,
        etaSeconds: s.etaSeconds,
      }),
  };
}
