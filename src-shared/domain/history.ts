// zod/mini: the renderer loads this file (see metadata.ts).
import * as z from 'zod/mini';

/** One finished upload, kept after its job is cleared from the queue (cli.md: `dropline history`). */
export const HistoryEntrySchema = z.object({
  jobId: z.string(),
  channelId: z.string(),
  /** The channel's title when the upload finished (a channel removed later keeps its name here). */
  channelTitle: z.nullable(z.string()),
  title: z.string(),
  file: z.string(),
  bytes: z.int().check(z.nonnegative()),
  videoId: z.string(),
  url: z.string(),
  studioUrl: z.string(),
  finishedAt: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const videoUrl = (videoId: string): string => `https://youtu.be/${videoId}`;
export const studioUrl = (videoId: string): string =>
  `https://studio.youtube.com/video/${videoId}/edit`;
