import type { BackoffPolicy } from '../base/backoff.ts';

export const defaultBackoff: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60_000 };
