import { defaultAccounts } from '../fakes/tiktok-sandbox/seed.ts';
import type { TikTokAccount } from '../fakes/tiktok-sandbox/index.ts';

/** The sandbox's seeded accounts with some fields changed (a shorter longest video, say). */
export function defaultAccountsForTest(
  base: string,
  over: Partial<TikTokAccount>,
): TikTokAccount[] {
  return defaultAccounts(base).map((a) => ({ ...a, ...over }));
}
