import { z } from 'zod';
import { method } from './define.ts';

/** One external program Dropline runs (ffprobe for the watcher, yt-dlp for downloads). */
export const ToolStatusSchema = z.object({
  state: z.enum(['ok', 'missing', 'too_old', 'broken']),
  /** The program that runs, when there is one. */
  path: z.string().nullable(),
  /** Why that one: shipped with Dropline, the Settings path, DROPLINE_YTDLP, or found on PATH. */
  source: z.enum(['bundled', 'setting', 'environment', 'path']).nullable(),
  version: z.string().nullable(),
  /** What is wrong and what to do, in a sentence; null when ok. */
  message: z.string().nullable(),
});
export type ToolStatus = z.infer<typeof ToolStatusSchema>;

export const ToolsStatusSchema = z.object({ ffprobe: ToolStatusSchema, ytdlp: ToolStatusSchema });
export type ToolsStatus = z.infer<typeof ToolsStatusSchema>;

export const toolMethods = {
  'tools.status': method(
    z.object({}).strict(),
    ToolsStatusSchema,
    'Which ffprobe and yt-dlp Dropline uses, their versions, and what is missing or too old',
  ),
};
