import { z } from 'zod';

/**
 * One line of a job's history, as its detail view shows it: when it was
 * queued, each run and upload session, pauses, waits, retries, the steps
 * after the video, edits and the end.
 */
export const TimelineKindSchema = z.enum([
  'queued',
  'started',
  'session',
  'paused',
  'resumed',
  'waiting',
  'retry',
  'step',
  'edited',
  'moved',
  'failed',
  'done',
  'cancelled',
]);
export type TimelineKind = z.infer<typeof TimelineKindSchema>;

export const TimelineEntrySchema = z.object({
  at: z.string(),
  kind: TimelineKindSchema,
  message: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
