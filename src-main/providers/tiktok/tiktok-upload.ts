import { isAppError } from '../../../src-shared/api/errors.ts';
import type { AppErrorShape } from '../../../src-shared/domain/app-error.ts';
import { backoffDelay } from '../../base/backoff.ts';
import { fileRangeBody } from '../../uploads/file-range-body.ts';
import type { JobRecord } from '../../uploads/job-repository.ts';
import type { RunOutcome } from '../../uploads/outcome.ts';
import { PieceBuffers } from '../../uploads/piece-buffers.ts';
import { checkQueuedFile } from '../../uploads/queued-file-check.ts';
import { ProgressMeter } from '../../uploads/progress-meter.ts';
import type { RunnerDeps } from '../../uploads/runner-deps.ts';
import { NetworkError } from '../../youtube/google-http.ts';
import { chunkRange, planChunks } from './chunk-plan.ts';
import type { TikTokAccountRepository } from './tiktok-account-repository.ts';
import { TikTokApiError, type TikTokApi } from './tiktok-api.ts';
import type { TikTokAppStore } from './tiktok-app-store.ts';
import { tiktokPost } from './tiktok-metadata.ts';
import type { TikTokTokens } from './tiktok-tokens.ts';
import type { TikTokUploadRecord, TikTokUploadRepository } from './tiktok-upload-repository.ts';
import { privacyOptions } from './posting-options.ts';

/** TikTok does not document how long an upload_url lives; assume an hour, then ask before using it. */
export const UPLOAD_URL_LIFETIME_MS = 60 * 60_000;
/** A sliding one-minute window per token (init 6, status 30): waiting a minute always frees a call. */
const RATE_WINDOW_MS = 61_000;
const PROCESSING_POLL_MS = 5_000;
const MAX_ATTEMPTS = 8;

export interface TikTokUploadDeps {
  api: TikTokApi;
  tokens: TikTokTokens;
  app: TikTokAppStore;
  accounts: TikTokAccountRepository;
  uploads: TikTokUploadRepository;
  /** Bytes per chunk before TikTok's rules adjust it (default 16 MiB). */
  chunkSize?: number;
  /** A job history line ("the upload link expired; starting again"). */
  note(job: JobRecord, message: string): void;
  /** Seconds of video, when ffprobe can tell (checked against the account's longest). */
  durationOf?(file: string): Promise<number | null>;
}

const openIdOf = (job: JobRecord) => job.channelId.slice('tiktok:'.length);

function wait(
  job: JobRecord,
  reason: 'backoff' | 'offline' | 'token',
  until: number,
  code: string,
  message: string,
): RunOutcome {
  return {
    kind: 'wait',
    reason,
    until,
    attempts: job.attempts + 1,
    error: {
      code,
      message: `${message} Trying again at ${new Date(until).toISOString()}.`,
      retryable: true,
    },
  };
}

const failed = (error: AppErrorShape): RunOutcome => ({ kind: 'failed', error });

/**
 * One run of a TikTok job, exactly once: publish_id and upload_url stored
 * before the first byte, chunks_acked after every chunk TikTok acknowledged;
 * a later run goes on from there while the URL lives, and after it expired
 * starts a new upload (TikTok makes a post only of a complete upload, so the
 * abandoned one never becomes a second post).
 */
export async function runTikTokJob(
  d: TikTokUploadDeps,
  runner: RunnerDeps,
  job: JobRecord,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const meter = new ProgressMeter(runner.clock, job.bytesTotal, (s) => runner.onProgress(job, s));
  try {
    return await attempt(d, runner, job, signal, meter);
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    return outcomeOf(d, runner, job, error);
  } finally {
    meter.stop();
  }
}

async function attempt(
  d: TikTokUploadDeps,
  runner: RunnerDeps,
  start: JobRecord,
  signal: AbortSignal,
  meter: ProgressMeter,
): Promise<RunOutcome> {
  let job = start;
  const openId = openIdOf(job);
  const now = () => runner.clock.now();
  const iso = () => new Date(now()).toISOString();
  let token = await d.tokens.accessToken(openId);
  let record = d.uploads.get(job.id, job.bytesTotal);
  let url = record ? d.uploads.uploadUrl(job.id) : null;
  if (record && record.chunksAcked >= record.totalChunkCount)
    return finish(d, runner, job, record, token);
  if (record && (url === null || record.urlExpiresAt <= now())) {
    // Maybe every byte arrived before a crash hid the last answer: ask before starting again.
    const status = await d.api.status(token, record.publishId, signal);
    if (status.status === 'PUBLISH_COMPLETE' || status.status === 'SEND_TO_USER_INBOX')
      return finish(d, runner, job, { ...record, chunksAcked: record.totalChunkCount }, token);
    d.note(
      job,
      `The TikTok upload link expired after ${record.chunksAcked} of ${record.totalChunkCount} chunks; starting a new upload from the beginning (TikTok never posts an unfinished upload, so there will be one post).`,
    );
    record = null;
  }
  if (record === null || url === null) {
    const file = checkQueuedFile(job);
    if (!file.ok) return file.outcome;
    const info = await d.api.creatorInfo(token);
    d.accounts.creatorInfoSaved(openId, info, iso());
    const account = d.accounts.get(openId);
    const audited = d.app.get()?.audited ?? false;
    const allowed = account ? privacyOptions({ ...account, creatorInfo: info }, audited) : [];
    const duration = (await d.durationOf?.(job.file)) ?? null;
    const choice = tiktokPost(job.metadata, info, allowed, { audited, durationSec: duration });
    if (!choice.ok)
      return failed({
        code: 'invalid_metadata',
        message: `TikTok: ${choice.problems.join('; ')}.`,
        retryable: false,
      });
    const plan = planChunks(job.bytesTotal, d.chunkSize);
    const previousInits = d.uploads.get(job.id, job.bytesTotal)?.inits ?? 0;
    const init = await d.api.init(
      token,
      choice.post.mode,
      {
        ...(choice.post.mode === 'direct' ? { post_info: choice.post.postInfo } : {}),
        source_info: {
          source: 'FILE_UPLOAD',
          video_size: plan.videoSize,
          chunk_size: plan.chunkSize,
          total_chunk_count: plan.totalChunkCount,
        },
      },
      signal,
    );
    const fresh = {
      jobId: job.id,
      publishId: init.publish_id,
      mode: choice.post.mode,
      ...plan,
      urlExpiresAt: now() + UPLOAD_URL_LIFETIME_MS,
      inits: previousInits + 1,
    };
    // Stored before a single byte goes out: a restart goes on with this upload.
    d.uploads.started(fresh, init.upload_url, iso());
    record = { ...fresh, chunksAcked: 0 };
    url = init.upload_url;
    job = runner.save(job, { bytesSent: 0, attempts: 0 });
  }
  const buffers = new PieceBuffers();
  for (let index = record.chunksAcked; index < record.totalChunkCount; index++) {
    const { first, last } = chunkRange(record, index);
    meter.confirm(first);
    try {
      await d.api.putChunk({
        uploadUrl: url,
        contentType: job.contentType,
        first,
        last,
        total: record.videoSize,
        body: fileRangeBody({
          file: job.file,
          first,
          last,
          limiter: runner.limiter,
          buffers,
          onBytes: (n) => meter.add(n),
          signal,
        }),
        signal,
      });
    } catch (error) {
      if (error instanceof TikTokApiError && error.kind === 'expired_url') {
        d.uploads.expired(job.id, iso());
        return attempt(d, runner, runner.repo.get(job.id) ?? job, signal, meter);
      }
      throw error;
    }
    record = { ...record, chunksAcked: index + 1 };
    d.uploads.acked(job.id, index + 1, iso());
    job = runner.save(job, { bytesSent: last + 1, attempts: 0, error: null });
  }
  token = await d.tokens.accessToken(openId);
  return finish(d, runner, job, record, token);
}

/** Every chunk is in: TikTok's status says when the post (or the draft) exists. */
async function finish(
  d: TikTokUploadDeps,
  runner: RunnerDeps,
  job: JobRecord,
  record: TikTokUploadRecord,
  token: string,
): Promise<RunOutcome> {
  const status = await d.api.status(token, record.publishId);
  if (status.status === 'PUBLISH_COMPLETE' || status.status === 'SEND_TO_USER_INBOX') {
    const postId = status.publicaly_available_post_id?.[0];
    d.uploads.finished(job.id);
    runner.save(job, {
      videoId: postId !== undefined ? String(postId) : record.publishId,
      bytesSent: job.bytesTotal,
      completedAt: new Date(runner.clock.now()).toISOString(),
    });
    return { kind: 'done' };
  }
  if (status.status === 'FAILED')
    return failed({
      code: 'tiktok_failed',
      message: `TikTok could not post the video: ${status.fail_reason ?? 'no reason given'}.`,
      retryable: true,
    });
  const until = runner.clock.now() + PROCESSING_POLL_MS;
  return wait(
    job,
    'backoff',
    until,
    'tiktok_processing',
    'TikTok has every byte and is processing the video.',
  );
}

function outcomeOf(
  d: TikTokUploadDeps,
  runner: RunnerDeps,
  job: JobRecord,
  error: unknown,
): RunOutcome {
  const now = runner.clock.now();
  const later = () => now + backoffDelay(job.attempts + 1, runner.backoff, runner.random);
  const giveUp = job.attempts + 1 >= MAX_ATTEMPTS;
  if (error instanceof NetworkError)
    return giveUp
      ? failed({
          code: 'network',
          message: `The connection to TikTok kept failing (${error.message}).`,
          retryable: true,
        })
      : wait(
          job,
          'offline',
          later(),
          'network',
          `The connection to TikTok failed (${error.message}); the upload goes on from the last chunk TikTok acknowledged.`,
        );
  if (error instanceof TikTokApiError) {
    switch (error.kind) {
      case 'rate':
        return wait(
          job,
          'backoff',
          now + RATE_WINDOW_MS,
          'rate_limit_exceeded',
          "TikTok's per-account rate limit was reached (6 uploads started and 30 status checks a minute).",
        );
      case 'unauthorized':
        d.tokens.invalidate(openIdOf(job));
        return giveUp
          ? failed({
              code: 'unauthorized',
              message: "TikTok keeps refusing this account's sign-in; connect it again.",
              retryable: true,
            })
          : wait(
              job,
              'token',
              later(),
              'unauthorized',
              'TikTok refused the access token; refreshing it.',
            );
      case 'scope':
        return failed({
          code: error.code,
          message: `${error.message} Connect the account again and allow posting videos.`,
          retryable: false,
        });
      case 'server':
        return giveUp
          ? failed({
              code: error.code,
              message: `${error.message} (gave up after ${MAX_ATTEMPTS} tries)`,
              retryable: true,
            })
          : wait(
              job,
              'backoff',
              later(),
              error.code,
              `TikTok answered ${error.status}: ${error.message}`,
            );
      default:
        return failed({
          code: error.code,
          message: `TikTok refused the upload: ${error.message}`,
          retryable: false,
        });
    }
  }
  if (isAppError(error))
    return error.retryable
      ? wait(job, 'token', later(), error.code, error.message)
      : failed({ code: error.code, message: error.message, retryable: false });
  runner.log.error('TikTok upload run failed', { jobId: job.id, error });
  const message = error instanceof Error ? error.message : String(error);
  return giveUp
    ? failed({ code: 'internal', message, retryable: true })
    : wait(job, 'backoff', later(), 'internal', message);
}
