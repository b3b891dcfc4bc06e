import { randomBytes } from 'node:crypto';
import type { SandboxClock } from './clock.ts';
import type { SandboxConfig } from './config.ts';
import { clientSchema, type ClientRegistration, type ClientRegistrationInput } from './seed.ts';

/** An authorization request waiting on the consent page. */
export interface PendingAuth {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain' | null;
  offline: boolean;
  forceConsent: boolean;
  loginHint: string | null;
  createdAt: number;
}

export interface AuthCode {
  code: string;
  pending: PendingAuth;
  channelId: string;
  expiresAt: number;
  redeemed: boolean;
}

export type RevokeReason = 'revoked' | 'cap' | 'fault';

/** One consent: a channel, a client, the scopes, and the refresh token if offline. */
export interface Grant {
  id: string;
  clientId: string;
  channelId: string;
  scopes: string[];
  createdAt: number;
  refreshToken: string | null;
  refreshExpiresAt: number | null;
  revoked: RevokeReason | null;
}

export interface AccessToken {
  token: string;
  grantId: string;
  expiresAt: number;
  expiredByFault: boolean;
}

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

export class OAuthStore {
  readonly clients = new Map<string, ClientRegistration>();
  readonly pending = new Map<string, PendingAuth>();
  readonly codes = new Map<string, AuthCode>();
  readonly grants = new Map<string, Grant>();
  readonly #byRefresh = new Map<string, Grant>();
  readonly #access = new Map<string, AccessToken>();
  readonly #clock: SandboxClock;
  readonly #config: SandboxConfig;

  constructor(clock: SandboxClock, config: SandboxConfig) {
    this.#clock = clock;
    this.#config = config;
  }

  registerClient(input: ClientRegistrationInput): ClientRegistration {
    const client = clientSchema.parse(input);
    this.clients.set(client.clientId, client);
    return client;
  }

  addPending(fields: Omit<PendingAuth, 'id' | 'createdAt'>): PendingAuth {
    const pending = { ...fields, id: token(18), createdAt: this.#clock.now() };
    this.pending.set(pending.id, pending);
    return pending;
  }

  issueCode(pending: PendingAuth, channelId: string): string {
    this.pending.delete(pending.id);
    const code = `4/0sandbox-${token(32)}`;
    this.codes.set(code, {
      code,
      pending,
      channelId,
      expiresAt: this.#clock.now() + this.#config.authCodeLifetimeSec * 1000,
      redeemed: false,
    });
    return code;
  }

  isGrantLive(grant: Grant): boolean {
    if (grant.revoked) return false;
    return grant.refreshExpiresAt === null || grant.refreshExpiresAt > this.#clock.now();
  }

  /**
   * Records a consent. Google issues a refresh token for offline access on the
   * first consent, and again later only with prompt=consent.
   */
  createGrant(opts: {
    clientId: string;
    channelId: string;
    scopes: string[];
    offline: boolean;
    forceConsent: boolean;
  }): Grant {
    const client = this.clients.get(opts.clientId);
    const now = this.#clock.now();
    const live = this.liveGrants(opts.channelId, opts.clientId);
    const withRefresh = opts.offline && (opts.forceConsent || !live.some((g) => g.refreshToken));
    const grant: Grant = {
      id: token(12),
      clientId: opts.clientId,
      channelId: opts.channelId,
      scopes: opts.scopes,
      createdAt: now,
      refreshToken: withRefresh ? `1//sandbox-${token(40)}` : null,
      refreshExpiresAt:
        withRefresh && client?.publishingStatus === 'testing'
          ? now + this.#config.testingRefreshTokenLifetimeSec * 1000
          : null,
      revoked: null,
    };
    if (grant.refreshToken) {
      // Over the cap, the oldest live refresh token is invalidated without notice.
      const withTokens = live.filter((g) => g.refreshToken);
      while (withTokens.length >= this.#config.refreshTokenCap)
        this.revokeGrant(withTokens.shift()!, 'cap');
      this.#byRefresh.set(grant.refreshToken, grant);
    }
    this.grants.set(grant.id, grant);
    return grant;
  }

  /** Live grants of a channel (a Google account) for a client, oldest first. */
  liveGrants(channelId: string, clientId?: string): Grant[] {
    return [...this.grants.values()]
      .filter((g) => g.channelId === channelId && (!clientId || g.clientId === clientId))
      .filter((g) => this.isGrantLive(g))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  grantByRefreshToken(refreshToken: string): Grant | undefined {
    return this.#byRefresh.get(refreshToken);
  }

  issueAccessToken(grant: Grant): AccessToken {
    const access: AccessToken = {
      token: `ya29.sandbox-${token(48)}`,
      grantId: grant.id,
      expiresAt: this.#clock.now() + this.#config.accessTokenLifetimeSec * 1000,
      expiredByFault: false,
    };
    this.#access.set(access.token, access);
    return access;
  }

  /** The grant behind a live access token, or why there is none. */
  checkAccessToken(
    value: string,
  ): { grant: Grant } | { problem: 'unknown' | 'expired' | 'revoked' } {
    const access = this.#access.get(value);
    if (!access) return { problem: 'unknown' };
    const grant = this.grants.get(access.grantId)!;
    if (grant.revoked) return { problem: 'revoked' };
    if (access.expiredByFault || access.expiresAt <= this.#clock.now())
      return { problem: 'expired' };
    return { grant };
  }

  /** Revoking either token of a grant revokes the whole grant, as Google does. */
  revokeByToken(value: string): boolean {
    const grant =
      this.#byRefresh.get(value) ?? this.grants.get(this.#access.get(value)?.grantId ?? '');
    if (!grant || grant.revoked) return false;
    this.revokeGrant(grant, 'revoked');
    return true;
  }

  revokeGrant(grant: Grant, reason: RevokeReason): void {
    grant.revoked = reason;
  }

  revokeChannel(channelId: string): number {
    let count = 0;
    for (const grant of this.grants.values())
      if (grant.channelId === channelId && !grant.revoked) {
        this.revokeGrant(grant, 'fault');
        count++;
      }
    return count;
  }

  expireAccessTokens(channelId?: string): number {
    let count = 0;
    for (const access of this.#access.values()) {
      const grant = this.grants.get(access.grantId)!;
      if (channelId && grant.channelId !== channelId) continue;
      access.expiredByFault = true;
      count++;
    }
    return count;
  }
}
