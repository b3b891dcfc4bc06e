/** Hosts the app may open in the user's browser: Google sign-in, YouTube, help pages. */
export const EXTERNAL_HOSTS = new Set([
  'accounts.google.com',
  'console.cloud.google.com',
  'support.google.com',
  'developers.google.com',
  'myaccount.google.com',
  'www.youtube.com',
  'youtube.com',
  'studio.youtube.com',
]);

/**
 * Only https URLs on the allowlist leave the app; `extraOrigins` admits the
 * local Google sandbox when DROPLINE_GOOGLE_BASE_URL points at it.
 */
export function isAllowedExternalUrl(raw: string, extraOrigins: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (extraOrigins.includes(url.origin)) return true;
  return url.protocol === 'https:' && EXTERNAL_HOSTS.has(url.hostname);
}
