import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

/**
 * How videos.insert is charged (google-facts.md, Quota): Google's pages
 * disagree, and which model a project has cannot be read from the API.
 * `auto` (the default): count what was sent, start uploads until Google
 * answers quotaExceeded, then send nothing until Pacific midnight.
 * `units`: 1600 units out of the daily unit pool; `calls`: a bucket of its own.
 */
export const QuotaModelSchema = z.enum(['auto', 'units', 'calls']);
export type QuotaModel = z.infer<typeof QuotaModelSchema>;

/** A program's full path, or empty for the default; a relative path would depend on the cwd. */
export const ToolPathSchema = z
  .string()
  .trim()
  .max(4096)
  .refine(
    (v) => v === '' || v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\'),
    {
      message: 'must be a full path (starting with / or a drive letter), or empty for the default',
    },
  );

/**
 * User preferences. Every field has a default so a fresh install and an
 * older database both read as a complete object.
 */
export const SettingsSchema = z.object({
  theme: ThemeSchema.default('system'),
  notifications: z.boolean().default(true),
  /** Desktop only: expose the local API for the `dropline` CLI (always on headless). */
  localApiEnabled: z.boolean().default(false),
  /** Uploads running at once across all channels. */
  globalConcurrency: z.number().int().min(1).max(10).default(3),
  /** Uploads running at once on one channel. */
  perChannelConcurrency: z.number().int().min(1).max(5).default(1),
  /** Global upload bandwidth cap in KiB/s; 0 means unlimited. */
  bandwidthLimitKiBps: z.number().int().min(0).max(10_000_000).default(0),
  /** Warn this many hours before a cookie file's auth cookies expire. */
  cookieWarningHours: z.number().int().min(1).max(720).default(24),
  /** Older cookie files kept per label as fallbacks. */
  cookieBackups: z.number().int().min(0).max(10).default(2),
  /** videos.insert cost model; `auto` lets Google decide (a refused start costs no bytes). */
  quotaModel: QuotaModelSchema.default('auto'),
  /** Data API units a day per Google Cloud project (Google grants more on request). */
  quotaDailyUnits: z.number().int().min(1).max(100_000_000).default(10_000),
  /** Units one videos.insert takes under the `units` model. */
  quotaInsertUnits: z.number().int().min(1).max(100_000).default(1600),
  /** videos.insert calls a day under the `calls` model. */
  quotaDailyInsertCalls: z.number().int().min(1).max(100_000).default(100),
  /** A hard cap on uploads started a day per Google project, whatever the model; 0: no cap. */
  quotaDailyUploadCap: z.number().int().min(0).max(100_000).default(0),
  /** Hours between health checks of every connected channel's sign-in (one refresh each). */
  healthCheckHours: z.number().int().min(1).max(168).default(12),
  /** Desktop: closing the window keeps Dropline in the tray while jobs or watched folders are active. */
  keepInTray: z.boolean().default(true),
  /** Desktop: start (in the tray, without a window) when the user logs in. */
  startAtLogin: z.boolean().default(false),
  /** Desktop: look for a newer Dropline at start and every 6 hours. */
  autoUpdateCheck: z.boolean().default(true),
  /** OS notifications per kind (the bell keeps every notice either way). */
  notifyUploadDone: z.boolean().default(true),
  notifyUploadFailed: z.boolean().default(true),
  notifyNeedsReconnect: z.boolean().default(true),
  notifyQuotaWait: z.boolean().default(true),
  notifyCookieExpiring: z.boolean().default(true),
  notifyUpdateReady: z.boolean().default(true),
  /** Another ffprobe than the one shipped with Dropline; empty: the bundled one. */
  ffprobePath: ToolPathSchema.default(''),
  /** yt-dlp's full path; empty: DROPLINE_YTDLP, else `yt-dlp` on PATH. */
  ytdlpPath: ToolPathSchema.default(''),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A change to some settings; unknown keys are refused so typos surface. */
export const SettingsPatchSchema = z
  .object({
    theme: ThemeSchema,
    notifications: z.boolean(),
    localApiEnabled: z.boolean(),
    globalConcurrency: SettingsSchema.shape.globalConcurrency.unwrap(),
    perChannelConcurrency: SettingsSchema.shape.perChannelConcurrency.unwrap(),
    bandwidthLimitKiBps: SettingsSchema.shape.bandwidthLimitKiBps.unwrap(),
    cookieWarningHours: SettingsSchema.shape.cookieWarningHours.unwrap(),
    cookieBackups: SettingsSchema.shape.cookieBackups.unwrap(),
    quotaModel: QuotaModelSchema,
    quotaDailyUnits: SettingsSchema.shape.quotaDailyUnits.unwrap(),
    quotaInsertUnits: SettingsSchema.shape.quotaInsertUnits.unwrap(),
    quotaDailyInsertCalls: SettingsSchema.shape.quotaDailyInsertCalls.unwrap(),
    quotaDailyUploadCap: SettingsSchema.shape.quotaDailyUploadCap.unwrap(),
    healthCheckHours: SettingsSchema.shape.healthCheckHours.unwrap(),
    keepInTray: z.boolean(),
    startAtLogin: z.boolean(),
    autoUpdateCheck: z.boolean(),
    notifyUploadDone: z.boolean(),
    notifyUploadFailed: z.boolean(),
    notifyNeedsReconnect: z.boolean(),
    notifyQuotaWait: z.boolean(),
    notifyCookieExpiring: z.boolean(),
    notifyUpdateReady: z.boolean(),
    ffprobePath: ToolPathSchema,
    ytdlpPath: ToolPathSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const defaultSettings: Settings = SettingsSchema.parse({});
