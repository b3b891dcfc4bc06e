import { z } from 'zod';
import { method } from './define.ts';
import { HistoryEntrySchema } from '../domain/history.ts';

export const HistoryQuerySchema = z
  .object({
    channelId: z.string().min(1).optional(),
    /** Finished at or after this time (ISO 8601). */
    since: z
      .string()
      .refine((v) => Number.isFinite(Date.parse(v)), 'must be a date and time (ISO 8601)')
      .optional(),
    /** Words that must all appear in the title or the file path (any case). */
    search: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict();

export const historyMethods = {
  'history.list': method(
    HistoryQuerySchema,
    z.array(HistoryEntrySchema),
    'Finished uploads, newest first; they stay after the queue is cleared',
  ),
  'jobs.clearDone': method(
    z.object({}).strict(),
    z.object({ cleared: z.array(z.string()) }),
    'Clear every done job from the queue (the history keeps them)',
  ),
};
