// zod/mini: the renderer loads this file (see metadata.ts).
import * as z from 'zod/mini';

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
  .check(
    z.trim(),
    z.minLength(1, 'a label is required'),
    z.maxLength(64, 'a label has at most 64 characters'),
    z.regex(/^[\w.-]+$/, 'a label uses letters, digits, ".", "_" and "-" only'),
  );

/** Time-based state of a file's auth cookies. */
export const CookieFreshnessSchema = z.enum(['fresh', 'expiring', 'expired', 'signed_out']);
export type CookieFreshness = z.infer<typeof CookieFreshnessSchema>;

/** Use-based state: `failing` after YouTube refused the file (auth/bot check). */
export const CookieHealthSchema = z.enum(['ok', 'failing']);
export type CookieHealth = z.infer<typeof CookieHealthSchema>;

export const CookieSummarySchema = z.object({
  cookieCount: z.int(),
  authCookieCount: z.int(),
  domains: z.array(z.string()),
  signedInToYouTube: z.boolean(),
  /** ISO time; null when there is no auth cookie with an expiry (session cookies only). */
  earliestAuthExpiry: z.nullable(z.string()),
});
export type CookieSummary = z.infer<typeof CookieSummarySchema>;

export const CookieVersionSchema = z.extend(CookieSummarySchema, {
  id: z.string(),
  label: z.string(),
  role: z.enum(['active', 'backup']),
  /** 0 = active, 1.. = backups, newest first. */
  position: z.int(),
  importedAt: z.string(),
  sourceName: z.string(),
  /** Times yt-dlp wrote a changed jar back into this version. */
  rotations: z.int(),
  rotatedAt: z.nullable(z.string()),
  lastUsedAt: z.nullable(z.string()),
  lastSuccessAt: z.nullable(z.string()),
  lastFailureAt: z.nullable(z.string()),
  lastFailure: z.nullable(z.string()),
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
  earliestAuthExpiry: z.nullable(z.string()),
  backups: z.int(),
  message: z.string(),
});
export type CookieCheck = z.infer<typeof CookieCheckSchema>;

export const DownloadStateSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type DownloadState = z.infer<typeof DownloadStateSchema>;

export const DownloadSchema = z.object({
  id: z.string(),
  url: z.string(),
  label: z.nullable(z.string()),
  outDir: z.string(),
  state: DownloadStateSchema,
  /** 0..100, null before yt-dlp reports a size. */
  percent: z.nullable(z.number()),
  downloadedBytes: z.nullable(z.number()),
  totalBytes: z.nullable(z.number()),
  speedBytesPerSecond: z.nullable(z.number()),
  etaSeconds: z.nullable(z.number()),
  /** Which stored version served the attempt: `active` or `backup` (after a fallback). */
  usedVersion: z.nullable(z.enum(['active', 'backup'])),
  attempts: z.int(),
  file: z.nullable(z.string()),
  error: z.nullable(z.object({ code: z.string(), message: z.string(), retryable: z.boolean() })),
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
});
export type Download = z.infer<typeof DownloadSchema>;

export function isFinalDownloadState(state: DownloadState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}
