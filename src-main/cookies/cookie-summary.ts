import {
  YOUTUBE_AUTH_COOKIES,
  type CookieFreshness,
  type CookieSummary,
} from '../../src-shared/domain/cookie-file.ts';
import type { Cookie } from './netscape-parser.ts';

const AUTH_NAMES = new Set(YOUTUBE_AUTH_COOKIES);

function bareDomain(domain: string): string {
  return domain.replace(/^\./, '').toLowerCase();
}

function onDomain(domain: string, site: string): boolean {
  const bare = bareDomain(domain);
  return bare === site || bare.endsWith(`.${site}`);
}

/** Auth cookies count only where YouTube reads them: youtube.com (and google.com, which signs it in). */
function isAuthCookie(cookie: Cookie): boolean {
  return (
    AUTH_NAMES.has(cookie.name) &&
    (onDomain(cookie.domain, 'youtube.com') || onDomain(cookie.domain, 'google.com'))
  );
}

export function summarizeCookies(cookies: readonly Cookie[], nowMs: number): CookieSummary {
  const domains = [...new Set(cookies.map((c) => bareDomain(c.domain)))].sort();
  const auth = cookies.filter(isAuthCookie);
  const nowSec = Math.floor(nowMs / 1000);
  const liveOnYouTube = auth.some(
    (c) => onDomain(c.domain, 'youtube.com') && (c.expires === 0 || c.expires > nowSec),
  );
  const expiries = auth.map((c) => c.expires).filter((e) => e > 0);
  const earliest = expiries.length ? Math.min(...expiries) : null;
  return {
    cookieCount: cookies.length,
    authCookieCount: auth.length,
    domains,
    signedInToYouTube: liveOnYouTube,
    earliestAuthExpiry: earliest === null ? null : new Date(earliest * 1000).toISOString(),
  };
}

/**
 * `expired` and `expiring` look at the earliest auth-cookie expiry: once any
 * of them lapses YouTube treats the session as signed out.
 */
export function freshnessOf(
  summary: Pick<CookieSummary, 'authCookieCount' | 'earliestAuthExpiry'>,
  nowMs: number,
  warnHours: number,
): CookieFreshness {
  if (summary.authCookieCount === 0) return 'signed_out';
  if (summary.earliestAuthExpiry === null) return 'fresh';
  const at = Date.parse(summary.earliestAuthExpiry);
  if (at <= nowMs) return 'expired';
  if (at - nowMs <= warnHours * 3_600_000) return 'expiring';
  return 'fresh';
}
