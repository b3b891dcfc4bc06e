export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with jitter: attempt 1 waits about base, each next
 * one twice as long, capped; the wait is drawn from [half, full] so many
 * channels failing together do not retry together.
 */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const full = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** When to refresh a token ahead of expiry: a margin (default 5 min) plus jitter, never later than half its life. */
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
