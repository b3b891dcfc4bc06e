import { z } from 'zod';

/**
 * Cookie files for yt-dlp, as the UI and CLI see them: metadata only. Cookie
 * values never appear in any of these shapes.
 */

/** Names of the cookies that mean "signed in to YouTube" (google-facts.md). */
export const YOUTUBE_AUTH_COOKIES: readonly string[] = [
  'SID',
  'HSID',
  'SSID',
  'APISID',
  'SAPISID',
  '__Secure-1PSID',
  '__Secure-3PSID',
  'LOGIN_INFO',
];

export const CookieLabelSchema = z
  .string()
  .trim()
  .min(1, 'a label is required')
  .max(64, 'a label has at most 64 characters')
  .regex(/^[\w.-]+$/, 'a label uses letters, digits, ".", "_" and "-" only');

/** Time-based state of a file's auth cookies. */
export const CookieFreshnessSchema = z.enum(['fresh', 'expiring', 'expired', 'signed_out']);
export type CookieFreshness = z.infer<typeof CookieFreshnessSchema>;

/** Use-based state: `failing` after YouTube refused the file (auth/bot check). */
export const CookieHealthSchema = z.enum(['ok', 'failing']);
export type CookieHealth = z.infer<typeof CookieHealthSchema>;

export const CookieSummarySchema = z.object({
  cookieCount: z.number().int(),
  authCookieCount: z.number().int(),
  domains: z.array(z.string()),
  signedInToYouTube: z.boolean(),
  /** ISO time; null when there is no auth cookie with an expiry (session cookies only). */
  earliestAuthExpiry: z.string().nullable(),
});
export type CookieSummary = z.infer<typeof CookieSummarySchema>;

export const CookieVersionSchema = CookieSummarySchema.extend({
  id: z.string(),
  label: z.string(),
  role: z.enum(['active', 'backup']),
  /** 0 = active, 1.. = backups, newest first. */
  position: z.number().int(),
  importedAt: z.string(),
  sourceName: z.string(),
  /** Times yt-dlp wrote a changed jar back into this version. */
  rotations: z.number().int(),
  rotatedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  lastFailure: z.string().nullable(),
  health: CookieHealthSchema,
  freshness: CookieFreshnessSchema,
});
export type CookieVersion = z.infer<typeof CookieVersionSchema>;

export const CookieLabelInfoSchema = z.object({
  label: z.string(),
  active: CookieVersionSchema,
  backups: z.array(CookieVersionSchema),
});
export type CookieLabelInfo = z.infer<typeof CookieLabelInfoSchema>;

export const CookieCheckSchema = z.object({
  label: z.string(),
  freshness: CookieFreshnessSchema,
  health: CookieHealthSchema,
  earliestAuthExpiry: z.string().nullable(),
  backups: z.number().int(),
  message: z.string(),
});
export type CookieCheck = z.infer<typeof CookieCheckSchema>;

export const DownloadStateSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type DownloadState = z.infer<typeof DownloadStateSchema>;

export const DownloadSchema = z.object({
  id: z.string(),
  url: z.string(),
  label: z.string().nullable(),
  outDir: z.string(),
  state: DownloadStateSchema,
  /** 0..100, null before yt-dlp reports a size. */
  percent: z.number().nullable(),
  downloadedBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
  speedBytesPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  /** Which stored version served the attempt: `active` or `backup` (after a fallback). */
  usedVersion: z.enum(['active', 'backup']).nullable(),
  attempts: z.number().int(),
  file: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Download = z.infer<typeof DownloadSchema>;

export function isFinalDownloadState(state: DownloadState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}
