/**
 * When to refresh a token ahead of expiry: a margin (default 5 min) plus
 * jitter before it expires, but never earlier than half its life (a short
 * lived token is not refreshed the moment it arrives).
 */
export function refreshAtFor(
  issuedAt: number,
  lifetimeMs: number,
  marginMs: number,
  jitterMs: number,
  random: () => number = Math.random,
): number {
  const ahead = marginMs + random() * jitterMs;
  return issuedAt + Math.max(lifetimeMs - ahead, lifetimeMs / 2);
}
