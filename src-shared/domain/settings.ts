import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

/**
 * How videos.insert is charged (google-facts.md, Quota): Google's pages
 * disagree, so the user picks the model their Cloud project shows.
 * `units`: 1600 units out of the daily unit pool; `calls`: a bucket of its own.
 */
export const QuotaModelSchema = z.enum(['units', 'calls']);
export type QuotaModel = z.infer<typeof QuotaModelSchema>;

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
  /** videos.insert cost model; the conservative 1600-unit model by default. */
  quotaModel: QuotaModelSchema.default('units'),
  /** Data API units a day per Google Cloud project (Google grants more on request). */
  quotaDailyUnits: z.number().int().min(1).max(100_000_000).default(10_000),
  /** Units one videos.insert takes under the `units` model. */
  quotaInsertUnits: z.number().int().min(1).max(100_000).default(1600),
  /** videos.insert calls a day under the `calls` model. */
  quotaDailyInsertCalls: z.number().int().min(1).max(100_000).default(100),
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
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const defaultSettings: Settings = SettingsSchema.parse({});
