import { z } from 'zod';
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
  name: z.string().default(''),
  state: StepStateSchema.exclude(['none']),
  captionId: z.string().nullable().default(null),
});
export type JobCaption = z.infer<typeof JobCaptionSchema>;

export const JobSchema = z.object({
  id: z.string(),
  file: z.string(),
  channelId: z.string(),
  state: JobStateSchema,
  bytesSent: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  videoId: z.string().nullable(),
  error: AppErrorSchema.nullable(),
  title: z.string(),
  metadata: VideoMetadataSchema,
  thumbnail: z.string().nullable(),
  waitReason: WaitReasonSchema.nullable(),
  /** ISO time of the next attempt while waiting (quota reset, channel cap, backoff). */
  waitUntil: z.string().nullable(),
  thumbnailStep: StepStateSchema,
  playlistStep: StepStateSchema,
  captions: z.array(JobCaptionSchema).default([]),
  /** Things YouTube will not refuse but the creator should know (a chapter list it will ignore). */
  warnings: z.array(z.string()).default([]),
  /** The schedule slot this job fills (its publishAt), ISO; null when it was not given a slot. */
  slotAt: z.string().nullable().default(null),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof JobSchema>;

/** Live progress of one running job; sent at most a few times a second per job. */
export const JobProgressSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  bytesSent: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  /** Bytes per second, smoothed. */
  rate: z.number().nonnegative(),
  /** Seconds left at the current rate; null while unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

/** The local quota account of one Google Cloud project (one OAuth client). */
export const QuotaStatusSchema = z.object({
  projectId: z.string(),
  model: z.enum(['units', 'calls']),
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  left: z.number().int(),
  /** videos.insert calls still possible today under the active model. */
  uploadsLeft: z.number().int().nonnegative(),
  resetsAt: z.string(),
});
export type QuotaStatus = z.infer<typeof QuotaStatusSchema>;

export const ChannelHoldSchema = z.object({
  channelId: z.string(),
  until: z.string(),
  reason: z.string(),
});
export type ChannelHold = z.infer<typeof ChannelHoldSchema>;
