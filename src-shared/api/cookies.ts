import { z } from 'zod';
import { method } from './define.ts';
import { AbsolutePathSchema } from '../domain/file-path.ts';
import { inputLimits } from '../domain/input-limits.ts';
import { quoted } from '../text/quote.ts';
import {
  CookieCheckSchema,
  CookieLabelInfoSchema,
  CookieLabelSchema,
  CookieSummarySchema,
  DownloadSchema,
} from '../domain/cookie-file.ts';

/**
 * Import either by path (CLI, or a path typed on the engine's machine) or by
 * content (a file dropped on a browser window, whose path the page cannot see).
 */
export const CookieImportInputSchema = z.union([
  z.object({ path: AbsolutePathSchema, label: z.optional(CookieLabelSchema) }).strict(),
  z
    .object({
      content: z.string().min(1).max(inputLimits.cookieFileBytes),
      fileName: z.string().min(1).max(260),
      label: z.optional(CookieLabelSchema),
    })
    .strict(),
]);
export type CookieImportInput = z.infer<typeof CookieImportInputSchema>;

export const CookieImportResultSchema = z.object({
  label: z.string(),
  versionId: z.string(),
  summary: CookieSummarySchema,
  backups: z.number().int(),
  /** The plaintext source still exists and `cookies.deleteSource` may remove it. */
  sourceDeletable: z.boolean(),
  sourcePath: z.string().nullable(),
});
export type CookieImportResult = z.infer<typeof CookieImportResultSchema>;

/**
 * What yt-dlp is asked to fetch: a web address only. `file:` would read any
 * file the engine can (and yt-dlp follows other schemes too).
 */
export const DownloadUrlSchema = z
  .string()
  .max(4096)
  .url()
  .refine((text) => /^https?:\/\//i.test(text), {
    error: (issue) =>
      `only http and https links can be downloaded, not ${quoted(/^[^:]*:?/.exec(String(issue.input))?.[0] ?? '', 20)}`,
  });

const LabelInput = z.object({ label: CookieLabelSchema }).strict();

export const cookieMethods = {
  'cookies.import': method(
    CookieImportInputSchema,
    CookieImportResultSchema,
    'Import a Netscape cookies.txt for yt-dlp under a label (the current file becomes a backup)',
  ),
  'cookies.list': method(
    z.object({}).strict(),
    z.array(CookieLabelInfoSchema),
    'Every cookie label with its active file and backups (metadata only)',
  ),
  'cookies.check': method(
    z.object({ label: z.optional(CookieLabelSchema) }).strict(),
    z.array(CookieCheckSchema),
    'Freshness and health of the active file of one or every label',
  ),
  'cookies.remove': method(
    LabelInput,
    z.object({ removed: z.number().int() }),
    'Delete a label with its active file and backups',
  ),
  'cookies.deleteSource': method(
    z.object({ versionId: z.string().min(1) }).strict(),
    z.object({ deleted: z.boolean(), path: z.string() }),
    'Delete the plaintext file a cookie version was imported from',
  ),
  'downloads.start': method(
    z
      .object({
        url: DownloadUrlSchema,
        label: z.optional(CookieLabelSchema),
        outDir: AbsolutePathSchema.optional(),
      })
      .strict(),
    DownloadSchema,
    'Queue a yt-dlp download using a stored cookie file',
  ),
  'downloads.list': method(z.object({}).strict(), z.array(DownloadSchema), 'Every download'),
  'downloads.cancel': method(
    z.object({ id: z.string().min(1) }).strict(),
    DownloadSchema,
    'Cancel a queued or running download',
  ),
  'downloads.remove': method(
    z.object({ id: z.string().min(1) }).strict(),
    z.object({ id: z.string() }),
    'Take a finished, failed or cancelled download off the list (its file stays)',
  ),
};

export const cookieEvents = {
  'cookies.changed': z.array(CookieLabelInfoSchema),
  'downloads.progressed': DownloadSchema,
  'downloads.removed': z.object({ id: z.string() }),
};
