import { AppError } from '../../src-shared/api/errors.ts';
import { holdsSlot } from '../../src-shared/publishing/slots.ts';
import { canRetryJob, isFinalJobState } from '../../src-shared/domain/job.ts';
import type { JobPatch, JobRecord, JobRepository } from './job-repository.ts';
import type { SlotPlanner } from './upload-request.ts';

/** What a retry or a slot move reads: the time, the channel's slotted jobs, its schedule. */
export interface SlotContext {
  now: number;
  repo: JobRepository;
  slots: SlotPlanner | null;
}

/** The patch that puts a failed or cancelled job back in the queue; throws when it cannot go. */
export function retryPatch(job: JobRecord, ctx: SlotContext): JobPatch {
  if (job.state !== 'failed' && job.state !== 'cancelled')
    throw new AppError(
      'invalid_state',
      `Job ${job.id} is ${job.state}; only failed or cancelled jobs can be retried.`,
    );
  if (!canRetryJob(job))
    throw new AppError(
      'invalid_state',
      `Job ${job.id} cannot be retried: ${job.error?.message} Add the file again instead.`,
    );
  const patch: JobPatch = {
    state: 'queued',
    attempts: 0,
    error: null,
    waitReason: null,
    nextAttemptAt: null,
  };
  // A step that failed runs again; the video itself is never uploaded twice.
  if (job.thumbnailStep === 'failed') patch.thumbnailStep = 'pending';
  if (job.playlistStep === 'failed') patch.playlistStep = 'pending';
  if (job.captions.some((c) => c.state === 'failed'))
    patch.captions = job.captions.map((c) =>
      c.state === 'failed' ? { ...c, state: 'pending' as const } : c,
    );
  return { ...patch, ...slotOnRetry(job, ctx) };
}

/**
 * A cancelled job gave its slot up; on retry it keeps the slot if nobody
 * took it and it is still ahead, else it takes the channel's next free one.
 * A video already on YouTube keeps the time YouTube has.
 */
function slotOnRetry(job: JobRecord, ctx: SlotContext): JobPatch {
  if (job.slotMs === null || job.videoId !== null || job.state !== 'cancelled') return {};
  const takenByOther = ctx.repo
    .slotted(job.channelId)
    .some((j) => j.id !== job.id && j.slotMs === job.slotMs && holdsSlot(j));
  if (job.slotMs > ctx.now && !takenByOther) return {};
  const next = ctx.slots?.nextSlot(job.channelId, 'channel', ctx.now) ?? null;
  if (next === null) return { slotMs: null, metadata: { ...job.metadata, publishAt: null } };
  return {
    slotMs: next,
    metadata: { ...job.metadata, privacy: 'private', publishAt: new Date(next).toISOString() },
  };
}

/** The patch that moves a job to another free slot; only before its upload starts. */
export function reschedulePatch(job: JobRecord, slotMs: number, ctx: SlotContext): JobPatch {
  if (job.videoId !== null || job.sessionUri !== null || isFinalJobState(job.state))
    throw new AppError(
      'invalid_state',
      `Job ${job.id} is ${job.videoId ? 'already on YouTube' : job.state}; its publish time can only change before the upload starts (change it in YouTube Studio).`,
    );
  if (slotMs <= ctx.now) throw new AppError('invalid_input', 'at: the new slot is in the past.');
  const other = ctx.repo
    .slotted(job.channelId)
    .find((j) => j.id !== job.id && j.slotMs === slotMs && holdsSlot(j));
  if (other)
    throw new AppError(
      'invalid_input',
      `at: that slot is taken by "${other.title}" (job ${other.id}).`,
    );
  return {
    slotMs,
    metadata: { ...job.metadata, privacy: 'private', publishAt: new Date(slotMs).toISOString() },
  };
}

/** Held back by our own count of today's quota: waiting, saying until when. */
export function quotaWaitPatch(until: number): JobPatch {
  return {
    state: 'waiting',
    waitReason: 'quota',
    nextAttemptAt: until,
    error: {
      code: 'quota_exceeded',
      message: `Not enough YouTube quota left today for another upload; waiting until ${new Date(until).toISOString()} (midnight Pacific time).`,
      retryable: true,
    },
  };
}
