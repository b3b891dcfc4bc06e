// zod/mini: the renderer loads this file (see metadata.ts).
import * as z from 'zod/mini';
import { AppErrorSchema } from './app-error.ts';
import { VideoMetadataSchema } from './metadata.ts';

/** Job states of cli.md; the CLI, the UI and scripts rely on these names. */
export const JobStateSchema = z.enum([
  'queued',
  'uploading',
  'paused',
  'waiting',
  'processing',
  'done',
  'failed',
  'cancelled',
]);
export type JobState = z.infer<typeof JobStateSchema>;

export const finalJobStates: readonly JobState[] = ['done', 'failed', 'cancelled'];
export const isFinalJobState = (state: JobState): boolean => finalJobStates.includes(state);

/** A job that is queued, waiting or running can be paused. */
const pausableStates: readonly JobState[] = ['queued', 'uploading', 'processing', 'waiting'];
export const canPauseJob = (job: { state: JobState }): boolean =>
  pausableStates.includes(job.state);

/** Failures that a retry cannot fix: the file or its metadata must be added again. */
const needsNewFileCodes: readonly string[] = ['invalid_metadata', 'invalid_file', 'file_changed'];
export const canRetryJob = (job: { state: JobState; error: { code: string } | null }): boolean =>
  (job.state === 'failed' || job.state === 'cancelled') &&
  !needsNewFileCodes.includes(job.error?.code ?? '');

/** Why a job waits; shown next to the time it will try again. */
export const WaitReasonSchema = z.enum(['quota', 'channel_limit', 'backoff', 'offline', 'token']);
export type WaitReason = z.infer<typeof WaitReasonSchema>;

/** A step after the video upload: thumbnail, playlist, a caption. `none` when the job has no such step. */
export const StepStateSchema = z.enum(['none', 'pending', 'done', 'failed']);
export type StepState = z.infer<typeof StepStateSchema>;

/** One caption track of a job: uploaded with captions.insert after the video, its own step. */
export const JobCaptionSchema = z.object({
  file: z.string(),
  /** BCP-47, from the file name (ep12.de.vtt) or given (--caption FILE:LANG). */
  language: z.string(),
  /** The track's name as viewers see it; '' for the language's default track. */
  name: z._default(z.string(), ''),
  state: z.enum(['pending', 'done', 'failed']),
  captionId: z._default(z.nullable(z.string()), null),
});
export type JobCaption = z.infer<typeof JobCaptionSchema>;

export const JobSchema = z.object({
  id: z.string(),
  file: z.string(),
  channelId: z.string(),
  state: JobStateSchema,
  bytesSent: z.int().check(z.nonnegative()),
  bytesTotal: z.int().check(z.nonnegative()),
  videoId: z.nullable(z.string()),
  error: z.nullable(AppErrorSchema),
  title: z.string(),
  metadata: VideoMetadataSchema,
  thumbnail: z.nullable(z.string()),
  waitReason: z.nullable(WaitReasonSchema),
  /** ISO time of the next attempt while waiting (quota reset, channel cap, backoff). */
  waitUntil: z.nullable(z.string()),
  thumbnailStep: StepStateSchema,
  playlistStep: StepStateSchema,
  captions: z._default(z.array(JobCaptionSchema), []),
  /** Things YouTube will not refuse but the creator should know (a chapter list it will ignore). */
  warnings: z._default(z.array(z.string()), []),
  /** The schedule slot this job fills (its publishAt), ISO; null when it was not given a slot. */
  slotAt: z._default(z.nullable(z.string()), null),
  attempts: z.int().check(z.nonnegative()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof JobSchema>;

/** Live progress of one running job; sent at most a few times a second per job. */
export const JobProgressSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  bytesSent: z.int().check(z.nonnegative()),
  bytesTotal: z.int().check(z.nonnegative()),
  /** Bytes per second, smoothed. */
  rate: z.number().check(z.nonnegative()),
  /** Seconds left at the current rate; null while unknown. */
  etaSeconds: z.nullable(z.number().check(z.nonnegative())),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

/** The local quota account of one Google Cloud project (one OAuth client). */
export const QuotaStatusSchema = z.object({
  projectId: z.string(),
  model: z.enum(['auto', 'units', 'calls']),
  used: z.int().check(z.nonnegative()),
  limit: z.int().check(z.nonnegative()),
  left: z.int(),
  /** videos.insert calls still possible today under the active model; null under `auto` (Google decides). */
  uploadsLeft: z.nullable(z.int().check(z.nonnegative())),
  /** Uploads (videos.insert sessions) started today. */
  uploadsToday: z.int().check(z.nonnegative()),
  /** When Google first answered quotaExceeded today, and after how many uploads; null when it did not. */
  refusedAt: z.nullable(z.string()),
  refusedAtCount: z.nullable(z.int().check(z.nonnegative())),
  resetsAt: z.string(),
});
export type QuotaStatus = z.infer<typeof QuotaStatusSchema>;

export const ChannelHoldSchema = z.object({
  channelId: z.string(),
  until: z.string(),
  reason: z.string(),
});
export type ChannelHold = z.infer<typeof ChannelHoldSchema>;
