import type { HttpResponse } from '../../src-main/base/http-response.ts';
import type { HttpFetch } from '../../src-main/auth/http.ts';
import type { Clock } from '../../src-main/base/clock.ts';

interface Issued {
  channelId: string;
  expiresAt: number;
}

/**
 * Google's token endpoint and a token-checking API in memory, on a fake
 * clock: counts refreshes per channel and every use of an expired token.
 */
export class FakeTokenEndpoint {
  readonly refreshes = new Map<string, number[]>();
  readonly issued = new Map<string, Issued>();
  /** refresh token -> channel id; delete one to make Google answer invalid_grant. */
  readonly grants = new Map<string, string>();
  lifetimeSec = 3600;
  /**
   * Rotate refresh tokens: each refresh answers with a new refresh_token and the one it was
   * sent stops working (Google may return a new refresh token on refresh; OAuth 2.0 §6).
   */
  rotate = false;
  /** Answer the next N refreshes with this status (503 for a Google outage). */
  failNext: { count: number; status: number; body: string } = { count: 0, status: 503, body: '{}' };
  calls = 0;
  unauthorized = 0;
  readonly #clock: Clock;
  #n = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  readonly fetch: HttpFetch = async (_url, init) => {
    this.calls++;
    const form = new URLSearchParams(init.body ?? '');
    await Promise.resolve();
    if (this.failNext.count > 0) {
      this.failNext.count--;
      return reply(this.failNext.status, this.failNext.body);
    }
    const refreshToken = form.get('refresh_token') ?? '';
    const channelId = this.grants.get(refreshToken);
    if (form.get('grant_type') !== 'refresh_token' || !channelId)
      return reply(
        400,
        JSON.stringify({
          error: 'invalid_grant',
          error_description: 'Token has been expired or revoked.',
        }),
      );
    const now = this.#clock.now();
    const list = this.refreshes.get(channelId) ?? [];
    list.push(now);
    this.refreshes.set(channelId, list);
    const token = `ya29.fake-${channelId}-${++this.#n}`;
    this.issued.set(token, { channelId, expiresAt: now + this.lifetimeSec * 1000 });
    const answer: Record<string, unknown> = {
      access_token: token,
      expires_in: this.lifetimeSec,
      token_type: 'Bearer',
    };
    if (this.rotate) {
      const rotated = `1//rotated-${channelId}-${this.#n}`;
      this.grants.delete(refreshToken);
      this.grants.set(rotated, channelId);
      answer.refresh_token = rotated;
    }
    return reply(200, JSON.stringify(answer));
  };

  /** A Data API call: 200 with a live token of that channel, else 401 (counted). */
  use(channelId: string, token: string): 200 | 401 {
    const issued = this.issued.get(token);
    if (!issued || issued.channelId !== channelId || issued.expiresAt <= this.#clock.now()) {
      this.unauthorized++;
      return 401;
    }
    return 200;
  }

  /** A token as a consent would hand it out, issued now. */
  consent(
    channelId: string,
    lifetimeSec = this.lifetimeSec,
  ): { access_token: string; expires_in: number } {
    const token = `ya29.fake-${channelId}-${++this.#n}`;
    this.issued.set(token, { channelId, expiresAt: this.#clock.now() + lifetimeSec * 1000 });
    return { access_token: token, expires_in: lifetimeSec };
  }
}

function reply(status: number, body: string): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
}
