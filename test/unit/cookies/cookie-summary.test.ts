import { test } from 'vitest';
import assert from 'node:assert/strict';
import { freshnessOf, summarizeCookies } from '../../../src-main/cookies/cookie-summary.ts';
import type { Cookie } from '../../../src-main/cookies/netscape-parser.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const sec = (iso: string): number => Date.parse(iso) / 1000;
const cookie = (domain: string, name: string, expires: number): Cookie => ({
  domain,
  includeSubdomains: true,
  path: '/',
  secure: true,
  expires,
  name,
  value: 'v',
  httpOnly: false,
});

test('a signed-in YouTube export reports its auth cookies and the earliest expiry', () => {
  const summary = summarizeCookies(
    [
      cookie('.youtube.com', 'SID', sec('2026-03-01T00:00:00Z')),
      cookie('.youtube.com', '__Secure-3PSID', sec('2026-01-05T00:00:00Z')),
      cookie('.youtube.com', 'PREF', sec('2025-01-01T00:00:00Z')),
      cookie('.google.com', 'HSID', sec('2026-02-01T00:00:00Z')),
      cookie('www.youtube.com', 'VISITOR_INFO1_LIVE', 0),
    ],
    NOW,
  );
  assert.deepEqual(summary, {
    cookieCount: 5,
    authCookieCount: 3,
    domains: ['google.com', 'www.youtube.com', 'youtube.com'],
    signedInToYouTube: true,
    earliestAuthExpiry: '2026-01-05T00:00:00.000Z',
  });
});

test('auth cookie names on other sites do not count', () => {
  const summary = summarizeCookies([cookie('example.com', 'SID', sec('2027-01-01'))], NOW);
  assert.equal(summary.signedInToYouTube, false);
  assert.equal(summary.authCookieCount, 0);
  assert.equal(summary.earliestAuthExpiry, null);
});

test('expired auth cookies mean not signed in', () => {
  const summary = summarizeCookies([cookie('.youtube.com', 'SID', sec('2025-12-31'))], NOW);
  assert.equal(summary.signedInToYouTube, false);
  assert.equal(freshnessOf(summary, NOW, 24), 'expired');
});

test('freshness uses the configurable warning threshold', () => {
  const summary = { authCookieCount: 1, earliestAuthExpiry: '2026-01-01T20:00:00.000Z' };
  assert.equal(freshnessOf(summary, NOW, 24), 'expiring');
  assert.equal(freshnessOf(summary, NOW, 12), 'fresh');
  assert.equal(
    freshnessOf({ authCookieCount: 0, earliestAuthExpiry: null }, NOW, 24),
    'signed_out',
  );
  assert.equal(freshnessOf({ authCookieCount: 2, earliestAuthExpiry: null }, NOW, 24), 'fresh');
});

test('domains are compared without the leading dot and case; look-alike sites do not count', () => {
  const summary = summarizeCookies(
    [
      cookie('.YouTube.COM', 'SID', 0),
      cookie('notyoutube.com', 'HSID', sec('2027-01-01')),
      cookie('youtube.com.evil', 'SSID', sec('2027-01-01')),
      cookie('accounts.google.com', 'APISID', sec('2027-01-01')),
    ],
    NOW,
  );
  assert.deepEqual(summary.domains, [
    'accounts.google.com',
    'notyoutube.com',
    'youtube.com',
    'youtube.com.evil',
  ]);
  assert.equal(summary.authCookieCount, 2);
  // A session cookie (expiry 0) is live, and it has no expiry to report.
  assert.equal(summary.signedInToYouTube, true);
  assert.equal(summary.earliestAuthExpiry, '2027-01-01T00:00:00.000Z');
});

test('only a live YouTube auth cookie means signed in; one that lapses this second does not', () => {
  const google = summarizeCookies([cookie('.google.com', 'SID', sec('2027-01-01'))], NOW);
  assert.equal(google.signedInToYouTube, false);
  assert.equal(google.authCookieCount, 1);
  const now = summarizeCookies([cookie('.youtube.com', 'SID', NOW / 1000)], NOW);
  assert.equal(now.signedInToYouTube, false);
  const later = summarizeCookies([cookie('.youtube.com', 'SID', NOW / 1000 + 1)], NOW + 999);
  assert.equal(later.signedInToYouTube, true);
  assert.equal(summarizeCookies([], NOW).cookieCount, 0);
});

test('freshness at the exact boundaries: expired at the expiry, expiring at exactly the warning', () => {
  const at = (iso: string) => ({ authCookieCount: 1, earliestAuthExpiry: iso });
  assert.equal(freshnessOf(at('2026-01-01T00:00:00.000Z'), NOW, 24), 'expired');
  assert.equal(freshnessOf(at('2026-01-01T00:00:00.001Z'), NOW, 24), 'expiring');
  assert.equal(freshnessOf(at('2026-01-02T00:00:00.000Z'), NOW, 24), 'expiring');
  assert.equal(freshnessOf(at('2026-01-02T00:00:00.001Z'), NOW, 24), 'fresh');
  assert.equal(freshnessOf(at('2025-12-31T00:00:00.000Z'), NOW, 0), 'expired');
});
