import type { AccessTokenSource } from '../../src-main/channels/access-token-source.ts';

/**
 * A real AccessTokenSource for tests, until channel sign-in is merged: it
 * trades each channel's refresh token at the sandbox's /token endpoint
 * (grant_type=refresh_token), caches the answer, and forgets it on invalidate.
 */
export function refreshTokenSource(opts: {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  refreshTokens: Record<string, string>;
}): AccessTokenSource & { refreshes: number } {
  const cache = new Map<string, string>();
  const inFlight = new Map<string, Promise<string>>();
  const source = {
    refreshes: 0,
    async getAccessToken(channelId: string): Promise<string> {
      const cached = cache.get(channelId);
      if (cached) return cached;
      const pending = inFlight.get(channelId);
      if (pending) return pending;
      const refreshToken = opts.refreshTokens[channelId];
      if (!refreshToken) throw new Error(`no refresh token for channel ${channelId}`);
      const p = (async () => {
        source.refreshes++;
        const res = await fetch(`${opts.baseUrl}/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: refreshToken,
            client_id: opts.clientId,
            client_secret: opts.clientSecret,
          }),
        });
        const body = (await res.json()) as { access_token?: string; error?: string };
        if (!res.ok || !body.access_token)
          throw new Error(`token refresh failed: HTTP ${res.status} ${body.error ?? ''}`);
        cache.set(channelId, body.access_token);
        return body.access_token;
      })().finally(() => inFlight.delete(channelId));
      inFlight.set(channelId, p);
      return p;
    },
    invalidate(channelId: string, token: string): void {
      if (cache.get(channelId) === token) cache.delete(channelId);
    },
  };
  return source;
}
