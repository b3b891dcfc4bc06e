import { z } from 'zod';
import { method } from './define.ts';
import {
  ChannelHoldSchema,
  JobProgressSchema,
  JobSchema,
  QuotaStatusSchema,
} from '../domain/job.ts';
import { AbsolutePathSchema } from '../domain/file-path.ts';
import { VideoMetadataSchema } from '../domain/metadata.ts';
import { ScheduleChoiceSchema } from '../publishing/preset.ts';

const JobIdInput = z.object({ id: z.string().min(1) }).strict();
const ChannelInput = z.object({ channelId: z.string().min(1) }).strict();

/** Caption files to add after the video, each its own step: the file and its BCP-47 language. */
export const CaptionFilesSchema = z
  .array(
    z
      .object({
        file: AbsolutePathSchema,
        language: z.string().min(1),
        name: z.string().optional(),
      })
      .strict(),
  )
  .default([]);

export const EnqueueInputSchema = z
  .object({
    files: z.array(AbsolutePathSchema).min(1),
    channelIds: z.array(z.string().min(1)).min(1),
    metadata: VideoMetadataSchema,
    thumbnail: AbsolutePathSchema.nullable().default(null),
    /** Caption files (SRT, WebVTT, SBV) with their BCP-47 language. */
    captions: CaptionFilesSchema,
    /** Each channel's next free slot ('channel': its own schedule) becomes the publish time. */
    schedule: z._default(z.nullable(ScheduleChoiceSchema), null),
    /**
     * Upload as a new video even when this file is already queued or uploaded
     * to a channel (a re-edit with the same bytes, a second copy on purpose).
     */
    again: z.boolean().default(false),
  })
  .strict();

/** A (file, channel) that already had a job: no new one was made. */
export const ExistingJobSchema = z.object({
  jobId: z.string(),
  file: z.string(),
  channelId: z.string(),
  state: z.string(),
  videoId: z.string().nullable(),
  /** The video on YouTube, once it exists. */
  url: z.string().nullable(),
  /** False when this call asked for other metadata than the job has (it was not applied). */
  sameMetadata: z.boolean(),
});
export type ExistingJob = z.infer<typeof ExistingJobSchema>;

export const jobMethods = {
  'jobs.enqueue': method(
    EnqueueInputSchema,
    z.object({
      jobIds: z.array(z.string()),
      /** Of jobIds, those that existed before: the file was already queued or done there. */
      existing: z.array(ExistingJobSchema),
    }),
    'Add one upload job per (file, channel)',
  ),
  'jobs.list': method(z.object({}).strict(), z.array(JobSchema), 'Every job, oldest first'),
  'jobs.pause': method(JobIdInput, JobSchema, 'Pause a job (an upload keeps its bytes)'),
  'jobs.resume': method(JobIdInput, JobSchema, 'Resume a paused job'),
  'jobs.cancel': method(JobIdInput, JobSchema, 'Cancel a job'),
  'jobs.retry': method(JobIdInput, JobSchema, 'Try a failed or cancelled job again'),
  'jobs.pauseChannel': method(ChannelInput, z.array(JobSchema), "Pause a channel's jobs"),
  'jobs.resumeChannel': method(ChannelInput, z.array(JobSchema), "Resume a channel's jobs"),
  'jobs.quota': method(
    z.object({}).strict(),
    z.object({ projects: z.array(QuotaStatusSchema), holds: z.array(ChannelHoldSchema) }),
    'Quota used and left per Google Cloud project, and channels on their 24-hour cap',
  ),
};

export const jobEvents = {
  /** Every state change of a job (and its final bytes). */
  'jobs.changed': JobSchema,
  /** Throttled progress of a running job. */
  'jobs.progressed': JobProgressSchema,
};
