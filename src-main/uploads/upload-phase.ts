import { GoogleApiError } from '../youtube/google-error.ts';
import type { SessionStatus } from '../youtube/resumable-upload.ts';
import { fileRangeBody } from './file-range-body.ts';
import type { JobRecord } from './job-repository.ts';
import type { RunOutcome } from './outcome.ts';
import { checkQueuedFile } from './queued-file-check.ts';
import { ChunkSizer } from './chunk-sizer.ts';
import { PieceBuffers } from './piece-buffers.ts';
import { ProgressMeter } from './progress-meter.ts';
import type { RunnerDeps } from './runner-deps.ts';
import { describeProblems, validateFileSize, validateMetadata } from './validate-metadata.ts';

function checkFile(job: JobRecord): RunOutcome | null {
  const problems = validateMetadata(job.metadata);
  if (problems.length)
    return {
      kind: 'failed',
      error: { code: 'invalid_metadata', message: describeProblems(problems), retryable: false },
    };
  const file = checkQueuedFile(job);
  if (!file.ok) return file.outcome;
  const size = validateFileSize(file.actual.size);
  if (size)
    return {
      kind: 'failed',
      error: { code: 'invalid_file', message: `${size.field} ${size.rule}`, retryable: false },
    };
  return null;
}

/**
 * The resumable protocol of google-facts.md for one job: open a session and
 * store its URI before the first byte, or ask an existing session what it
 * holds; then send 256 KiB-aligned chunks until Google returns the video.
 * Returns the job with its video id, or an outcome that stops the run.
 */
export async function runUploadPhase(
  deps: RunnerDeps,
  start: JobRecord,
  signal: AbortSignal,
): Promise<JobRecord | RunOutcome> {
  const meter = new ProgressMeter(deps.clock, start.bytesTotal, (s) => deps.onProgress(start, s));
  try {
    return await upload(deps, start, signal, meter);
  } finally {
    // No progress event may follow the job's next state.
    meter.stop();
  }
}

async function upload(
  deps: RunnerDeps,
  start: JobRecord,
  signal: AbortSignal,
  meter: ProgressMeter,
): Promise<JobRecord | RunOutcome> {
  const problem = checkFile(start);
  if (problem) return problem;
  let job = start;
  const projectId = deps.projectIdFor(job.channelId);
  let token = await deps.tokens.getAccessToken(job.channelId);
  const buffers = new PieceBuffers();
  const sizer = new ChunkSizer(deps.chunkSize, deps.maxChunkSize);
  let unauthorized = 0;
  let newSessions = 0;
  const complete = (videoId: string): JobRecord =>
    deps.save(job, {
      videoId,
      bytesSent: job.bytesTotal,
      // A pause or cancel that raced the last chunk keeps its state; the video id is kept regardless.
      state: signal.aborted ? undefined : 'processing',
      attempts: 0,
      error: null,
      completedAt: new Date(deps.clock.now()).toISOString(),
    });
  for (;;) {
    try {
      let status: SessionStatus;
      if (job.sessionUri === null) {
        if (!deps.ledger.canAfford(projectId, 'videos.insert')) return quotaWait(deps, job);
        const uri = await deps.uploads.start({
          token,
          metadata: job.metadata,
          size: job.bytesTotal,
          contentType: job.contentType,
          signal,
        });
        deps.ledger.charge(projectId, 'videos.insert', job.id);
        // Stored before a single byte goes out: a restart resumes this session.
        job = deps.save(job, { sessionUri: uri, bytesSent: 0 });
        status = { kind: 'incomplete', nextByte: 0 };
      } else {
        const uri = deps.repo.sessionUriOf(job);
        status = await deps.uploads.status({
          token,
          sessionUri: uri,
          total: job.bytesTotal,
          signal,
        });
      }
      while (status.kind === 'incomplete') {
        const offset = status.nextByte;
        if (offset !== job.bytesSent) job = deps.save(job, { bytesSent: offset, attempts: 0 });
        meter.confirm(offset);
        if (offset >= job.bytesTotal)
          throw new Error(`YouTube holds ${offset} of ${job.bytesTotal} bytes but did not finish`);
        const last = Math.min(offset + sizer.size, job.bytesTotal) - 1;
        const sentAt = deps.clock.now();
        const body = fileRangeBody({
          file: job.file,
          first: offset,
          last,
          limiter: deps.limiter,
          buffers,
          onBytes: (n) => meter.add(n),
          signal,
        });
        status = await deps.uploads.sendChunk({
          token,
          sessionUri: deps.repo.sessionUriOf(job),
          first: offset,
          last,
          total: job.bytesTotal,
          body,
          contentType: job.contentType,
          signal,
        });
        unauthorized = 0;
        sizer.record(last - offset + 1, deps.clock.now() - sentAt);
        if (status.kind === 'incomplete' && status.nextByte <= offset)
          throw new Error(`YouTube kept none of the chunk at byte ${offset}`);
      }
      return complete(status.videoId);
    } catch (error) {
      if (signal.aborted) throw error;
      if (!(error instanceof GoogleApiError)) throw error;
      sizer.reset();
      if (error.failure.kind === 'unauthorized' && unauthorized < 2) {
        unauthorized++;
        deps.tokens.invalidate(job.channelId, token);
        token = await deps.tokens.getAccessToken(job.channelId);
        continue;
      }
      if (error.failure.kind === 'notFound' && job.sessionUri !== null && newSessions < 2) {
        // The session expired: only a new session from byte 0 can go on.
        newSessions++;
        deps.log.warn('upload session expired; starting a new one', { jobId: job.id });
        job = deps.save(job, { sessionUri: null, bytesSent: 0 });
        meter.confirm(0);
        continue;
      }
      throw error;
    }
  }
}

export function quotaWait(deps: RunnerDeps, job: JobRecord): RunOutcome {
  const until = deps.ledger.resetsAt();
  return {
    kind: 'wait',
    reason: 'quota',
    until,
    attempts: job.attempts,
    error: {
      code: 'quota_exceeded',
      message: `The daily YouTube quota of this Google Cloud project is used up; waiting until ${new Date(until).toISOString()} (midnight Pacific time).`,
      retryable: true,
    },
  };
}
