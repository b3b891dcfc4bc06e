import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectTikTok,
  startTikTokHarness,
  type TikTokHarness,
} from '../../helpers/tiktok-harness.ts';

const carolId = '-000carol-open-id-0001';

let h: TikTokHarness;
afterEach(async () => {
  await h?.close();
});

const tokenCalls = () =>
  h.sandbox.inspect.requests().filter((r) => r.method === 'POST' && r.path === '/v2/oauth/token/')
    .length;

// Each TikTok refresh rotates the refresh token, and one in flight when the process dies costs the
// account its sign-in: a restart must use the access token it already has, not refresh.
describe('TikTok access tokens across restarts', () => {
  it('a restart uses the kept access token: no refresh, the refresh token unchanged', async () => {
    h = await startTikTokHarness();
    await connectTikTok(h.core, carolId);
    const first = await h.core.services.tiktok.tokens.accessToken(carolId);
    const refreshToken = h.core.services.tiktok.tokens.storedRefreshToken(carolId);
    const calls = tokenCalls();

    h.core = await h.restart();
    await expect(h.core.services.tiktok.tokens.accessToken(carolId)).resolves.toBe(first);
    expect(tokenCalls()).toBe(calls);
    expect(h.core.services.tiktok.tokens.storedRefreshToken(carolId)).toBe(refreshToken);
    // Kept in the vault, encrypted: the token is nowhere in the data folder's files as text.
    const dataDir = join(h.dir.path, 'data');
    for (const name of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(dataDir, name));
      } catch {
        continue; // a folder
      }
      expect(bytes.includes(first), name).toBe(false);
    }
  });

  it('a token TikTok refused is not kept: after a restart the next call refreshes', async () => {
    h = await startTikTokHarness();
    await connectTikTok(h.core, carolId);
    const first = await h.core.services.tiktok.tokens.accessToken(carolId);
    h.core.services.tiktok.tokens.invalidate(carolId);
    const calls = tokenCalls();

    h.core = await h.restart();
    const next = await h.core.services.tiktok.tokens.accessToken(carolId);
    expect(next).not.toBe(first);
    expect(tokenCalls()).toBe(calls + 1);
  });
});
