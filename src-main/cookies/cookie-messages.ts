import { assertNever } from '../../src-shared/domain/assert-never.ts';
import type { CookieVersion } from '../../src-shared/domain/cookie-file.ts';

export const REFRESH_ADVICE =
  'Sign in to YouTube in your browser, export a fresh cookies.txt, and import it again.';

function inHours(iso: string, nowMs: number): string {
  const hours = Math.round((Date.parse(iso) - nowMs) / 3_600_000);
  return hours < 1 ? 'within the hour' : `in ${hours} h`;
}

/** One line a human can act on, for `cookies check`, notices and the UI. */
export function describeCheck(
  v: Pick<CookieVersion, 'freshness' | 'health' | 'earliestAuthExpiry' | 'lastFailure'>,
  nowMs: number,
): string {
  const failing =
    v.health === 'failing'
      ? ` YouTube refused it last time${v.lastFailure ? ` (${v.lastFailure})` : ''}. ${REFRESH_ADVICE}`
      : '';
  switch (v.freshness) {
    case 'fresh':
      return `Signed in${v.earliestAuthExpiry ? ` until ${v.earliestAuthExpiry}` : ''}.${failing}`;
    case 'expiring':
      return `Auth cookies expire ${inHours(v.earliestAuthExpiry as string, nowMs)} (${v.earliestAuthExpiry}). ${REFRESH_ADVICE}${failing}`;
    case 'expired':
      return `Auth cookies expired at ${v.earliestAuthExpiry}. ${REFRESH_ADVICE}`;
    case 'signed_out':
      return `Not signed in to YouTube (no auth cookies).${failing}`;
    default:
      return assertNever(v.freshness);
  }
}
