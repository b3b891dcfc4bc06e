import { z } from 'zod';
import { partial } from 'zod/mini';
import { method } from './define.ts';
import { CaptionFilesSchema } from './jobs.ts';
import { AbsolutePathSchema } from '../domain/file-path.ts';
import { JobSchema } from '../domain/job.ts';
import { TimelineEntrySchema } from '../domain/job-timeline.ts';
import { VideoMetadataSchema } from '../domain/metadata.ts';
import { ScheduleChoiceSchema } from '../domain/schedule-spec.ts';

/** Fields of a job that can still change before its upload session exists. */
export const JobEditPatchSchema = z
  .object({
    ...partial(VideoMetadataSchema).shape,
    thumbnail: AbsolutePathSchema.nullable().optional(),
  })
  .strict();
export type JobEditPatch = z.infer<typeof JobEditPatchSchema>;

/** One (file, channel) upload with its own details: the Add upload form's per-channel overrides. */
export const NewUploadSchema = z
  .object({
    file: AbsolutePathSchema,
    channelId: z.string().min(1),
    metadata: VideoMetadataSchema,
    thumbnail: AbsolutePathSchema.nullable().default(null),
    /** Caption files with their BCP-47 language, each its own step after the video. */
    captions: CaptionFilesSchema,
    /** Take the channel's next free slot ('channel') or one of this rhythm as the publish time. */
    schedule: z._default(z.nullable(ScheduleChoiceSchema), null),
  })
  .strict();
export type NewUpload = z.infer<typeof NewUploadSchema>;

/** What fitting a thumbnail to YouTube's 2 MB and 1280x720 will do, before it is sent. */
export const ThumbnailCheckSchema = z.object({
  path: z.string(),
  /** Why it cannot be used; null when it can. */
  problem: z.string().nullable(),
  /** A small JPEG of it, as a data: URL (a browser tab cannot read the engine's files). */
  previewUrl: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  format: z.string().nullable(),
  /** Sent as it is, or re-encoded: the size and pixels it will have then. */
  fit: z
    .object({
      resized: z.boolean(),
      bytes: z.number().int(),
      width: z.number().int(),
      height: z.number().int(),
    })
    .nullable(),
});
export type ThumbnailCheck = z.infer<typeof ThumbnailCheckSchema>;

export const FileCheckSchema = z.object({
  path: z.string(),
  problem: z.string().nullable(),
  size: z.number().int().nullable(),
});
export type FileCheck = z.infer<typeof FileCheckSchema>;

const Ids = z.array(z.string().min(1)).min(1).max(5000);

export const jobEditMethods = {
  'jobs.add': method(
    z.object({ uploads: z.array(NewUploadSchema).min(1).max(5000) }).strict(),
    z.object({ jobIds: z.array(z.string()) }),
    'Add uploads, each with its own details; refused whole, with no job created, if any file, thumbnail or field is wrong',
  ),
  'jobs.check': method(
    z
      .object({
        // Checked one by one in the answer (a relative path is one of the problems it names).
        files: z.array(z.string().min(1)).max(5000),
        thumbnail: z.string().min(1).nullable().default(null),
      })
      .strict(),
    z.object({ files: z.array(FileCheckSchema), thumbnail: ThumbnailCheckSchema.nullable() }),
    'Check videos and a thumbnail before queueing: exists, a video, its size; what fitting the thumbnail does',
  ),
  'jobs.update': method(
    z.object({ ids: Ids, patch: JobEditPatchSchema }).strict(),
    z.array(JobSchema),
    'Change the details of queued, paused, waiting or failed jobs (all or none); a job failed for its details goes back to the queue',
  ),
  'jobs.remove': method(
    z.object({ ids: Ids }).strict(),
    z.object({ removed: z.array(z.string()) }),
    'Remove failed or cancelled jobs from the queue',
  ),
  'jobs.move': method(
    z.object({ id: z.string().min(1), to: z.enum(['top', 'up', 'down', 'bottom']) }).strict(),
    z.object({ order: z.array(z.string()) }),
    'Move a job in the queue: jobs higher up start first',
  ),
  'jobs.timeline': method(
    z.object({ id: z.string().min(1) }).strict(),
    z.array(TimelineEntrySchema),
    "A job's history, oldest first",
  ),
};

export const jobEditEvents = {
  /** The queue's order after a move: every job id, first to start first. */
  'jobs.reordered': z.object({ order: z.array(z.string()) }),
  /** Jobs that left the queue (removed). */
  'jobs.removed': z.object({ ids: z.array(z.string()) }),
};
