/** When a grant given `expiresInSec` from `now` ends, as ISO 8601; null when Google gave no end. */
export function grantEnd(now: number, expiresInSec: number | undefined): string | null {
  return expiresInSec === undefined ? null : new Date(now + expiresInSec * 1000).toISOString();
}
