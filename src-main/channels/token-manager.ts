import { AppError } from '../../src-shared/api/errors.ts';
import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { HttpFetch } from '../auth/http.ts';
import {
  refreshAccessToken,
  TokenEndpointError,
  type ClientAuth,
  type TokenResponse,
} from '../auth/token-endpoint.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import type { AccessTokenSource } from './access-token-source.ts';
import type { AuditLog } from './audit-log.ts';
import { backoffDelay } from '../base/backoff.ts';
import { refreshAtFor } from './backoff.ts';
import type { ChannelRepository } from './channel-repository.ts';
import { RefreshLimiter, type LimiterOptions } from './refresh-limiter.ts';
import { grantEnd } from './grant-end.ts';
import type { NoticeInput } from '../../src-shared/domain/notice.ts';

export interface TokenManagerOptions extends LimiterOptions {
  /** Refresh this long before expiry (5 minutes), plus up to `jitterMs`. */
  marginMs: number;
  jitterMs: number;
  /** A token is handed out only with at least this much life left (capped at a quarter of its life). */
  minValidityMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const defaultTokenOptions: TokenManagerOptions = {
  marginMs: 5 * 60_000,
  jitterMs: 60_000,
  minValidityMs: 60_000,
  maxConcurrent: 4,
  perSecond: 5,
  burst: 5,
  maxAttempts: 5,
  backoffBaseMs: 1000,
  backoffMaxMs: 60_000,
};

export interface TokenManagerDeps {
  clock: Clock;
  http: HttpFetch;
  tokenUrl: string;
  client: () => ClientAuth | null;
  secrets: SecretStore;
  channels: ChannelRepository;
  audit: AuditLog;
  notify: (notice: NoticeInput) => void;
  /** A channel's visible state changed (token, refreshing, status). */
  onChange: (channelId: string) => void;
  log: Logger;
  random?: () => number;
  options?: Partial<TokenManagerOptions>;
}

interface Entry {
  token: string;
  expiresAt: number;
  refreshAt: number;
  minValidity: number;
  /** Someone asked for this token since it was issued: keep the channel warm. */
  used: boolean;
  cancelTimer: () => void;
}

/**
 * Access tokens in memory only, refreshed ahead of expiry. One refresh per
 * channel in flight (callers share it), a global limiter, backoff on
 * transient errors, and `invalid_grant` ends retries until a new consent.
 * Nothing is refreshed at startup: a channel's first token is fetched when
 * first asked for, so a long-closed app does not wake up to a refresh storm.
 */
export class TokenManager implements AccessTokenSource {
  readonly #d: TokenManagerDeps;
  readonly #o: TokenManagerOptions;
  readonly #random: () => number;
  readonly #limiter: RefreshLimiter;
  readonly #cache = new Map<string, Entry>();
  readonly #inflight = new Map<string, Promise<Entry>>();
  /** Bumped on forget(): a refresh that started before must not resurrect the token. */
  readonly #generation = new Map<string, number>();
  #stopped = false;

  constructor(deps: TokenManagerDeps) {
    this.#d = deps;
    this.#o = { ...defaultTokenOptions, ...deps.options };
    this.#random = deps.random ?? Math.random;
    this.#limiter = new RefreshLimiter(deps.clock, this.#o);
  }

  async getAccessToken(channelId: string): Promise<string> {
    this.#assertUsable(channelId);
    const now = this.#d.clock.now();
    const entry = this.#cache.get(channelId);
    if (entry && now < entry.expiresAt - entry.minValidity) {
      entry.used = true;
      if (now >= entry.refreshAt) this.#background(channelId);
      return entry.token;
    }
    const fresh = await this.refresh(channelId);
    fresh.used = true;
    return fresh.token;
  }

  invalidate(channelId: string, token: string): void {
    const entry = this.#cache.get(channelId);
    if (entry && entry.token === token) this.#drop(channelId);
  }

  /** A token straight from a consent: no refresh needed for its first hour. */
  accept(channelId: string, response: TokenResponse): void {
    this.#store(channelId, response, this.#generation.get(channelId) ?? 0);
  }

  /** Disconnect or reconsent: drop the token and any refresh result still on its way. */
  forget(channelId: string): void {
    this.#generation.set(channelId, (this.#generation.get(channelId) ?? 0) + 1);
    this.#drop(channelId);
  }

  expiresAt(channelId: string): number | null {
    return this.#cache.get(channelId)?.expiresAt ?? null;
  }

  isRefreshing(channelId: string): boolean {
    return this.#inflight.has(channelId);
  }

  get tokensInMemory(): number {
    return this.#cache.size;
  }

  stop(): void {
    this.#stopped = true;
    for (const id of [...this.#cache.keys()]) this.#drop(id);
  }

  /** Refreshes now, sharing a refresh already in flight for the channel. */
  refresh(channelId: string): Promise<Entry> {
    const running = this.#inflight.get(channelId);
    if (running) return running;
    const generation = this.#generation.get(channelId) ?? 0;
    const p = this.#refreshWithRetries(channelId, generation).finally(() => {
      this.#inflight.delete(channelId);
      this.#d.onChange(channelId);
    });
    this.#inflight.set(channelId, p);
    this.#d.onChange(channelId);
    return p;
  }

  #assertUsable(channelId: string): void {
    const channel = this.#d.channels.get(channelId);
    if (!channel) throw new AppError('unknown_channel', `No channel ${channelId} is connected.`);
    if (channel.status === 'needs_reconsent')
      throw new AppError(
        'needs_reconsent',
        `"${channel.title}" needs to be reconnected: Google no longer accepts its sign-in.`,
      );
    if (channel.status === 'disconnected')
      throw new AppError('channel_disconnected', `"${channel.title}" is disconnected.`);
  }

  #background(channelId: string): void {
    this.refresh(channelId).catch((error: unknown) =>
      this.#d.log.warn('background token refresh failed', { channelId, error }),
    );
  }

  async #refreshWithRetries(channelId: string, generation: number): Promise<Entry> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#refreshOnce(channelId, generation);
      } catch (error) {
        const transient = error instanceof TokenEndpointError && error.kind === 'transient';
        if (!transient || attempt >= this.#o.maxAttempts || this.#stopped)
          throw this.#failed(channelId, error);
        const wait = backoffDelay(
          attempt,
          { baseMs: this.#o.backoffBaseMs, capMs: this.#o.backoffMaxMs },
          this.#random,
        );
        this.#d.log.info('token refresh will be retried', { channelId, attempt, waitMs: wait });
        await new Promise<void>((resolve) => this.#d.clock.setTimeout(resolve, wait));
      }
    }
  }

  async #refreshOnce(channelId: string, generation: number): Promise<Entry> {
    const release = await this.#limiter.acquire();
    try {
      this.#assertUsable(channelId);
      const client = this.#d.client();
      if (!client)
        throw new AppError(
          'no_client',
          'No Google OAuth client is set. Set one on the Channels screen.',
        );
      const stored = this.#d.secrets.get({ kind: 'refresh_token', id: channelId });
      if (!stored)
        throw new TokenEndpointError(
          'invalid_grant',
          'No refresh token is stored for this channel.',
          null,
          null,
        );
      const response = await refreshAccessToken(
        this.#d.http,
        this.#d.tokenUrl,
        client,
        stored.toString('utf8'),
      );
      if (response.refresh_token)
        this.#d.secrets.put(
          { kind: 'refresh_token', id: channelId },
          Buffer.from(response.refresh_token, 'utf8'),
        );
      const at = new Date(this.#d.clock.now()).toISOString();
      this.#d.channels.recordRefresh(channelId, 'ok', at);
      if (response.refresh_token_expires_in !== undefined)
        this.#d.channels.setGrantExpiry(
          channelId,
          grantEnd(this.#d.clock.now(), response.refresh_token_expires_in),
        );
      this.#d.audit.record(
        channelId,
        'refresh',
        'ok',
        `access token valid for ${Math.round(response.expires_in)} s`,
      );
      const entry = this.#store(channelId, response, generation);
      if (!entry)
        throw new AppError(
          'channel_disconnected',
          'The channel was disconnected during the refresh.',
        );
      return entry;
    } finally {
      release();
    }
  }

  /** Turns any refresh failure into an AppError, recording it and, for invalid_grant, flagging the channel. */
  #failed(channelId: string, error: unknown): AppError {
    const at = new Date(this.#d.clock.now()).toISOString();
    if (error instanceof AppError && error.code !== 'no_client') return error;
    const message = error instanceof Error ? error.message : String(error);
    const channel = this.#d.channels.get(channelId);
    if (channel) this.#d.channels.recordRefresh(channelId, 'failed', at);
    this.#d.audit.record(channelId, 'refresh', 'failed', message);
    if (error instanceof TokenEndpointError && error.kind === 'invalid_grant') {
      this.forget(channelId);
      if (channel && channel.status === 'connected') {
        this.#d.channels.setStatus(channelId, 'needs_reconsent', at);
        this.#d.audit.record(channelId, 'reconsent_needed', 'failed', message);
        this.#d.notify({
          kind: 'needs_reconnect',
          level: 'warning',
          title: `Reconnect "${channel.title}"`,
          message,
          channelId,
        });
      }
      return new AppError('needs_reconsent', message, false);
    }
    if (error instanceof AppError) return error;
    if (error instanceof TokenEndpointError && error.kind === 'client') {
      this.#d.notify({ level: 'error', title: 'Google refused the OAuth client', message });
      return new AppError('oauth_client_rejected', message, false);
    }
    const transient = error instanceof TokenEndpointError && error.kind === 'transient';
    this.#d.log.warn('token refresh failed', { channelId, error: message });
    return new AppError('token_refresh_failed', message, transient);
  }

  #store(channelId: string, response: TokenResponse, generation: number): Entry | null {
    if ((this.#generation.get(channelId) ?? 0) !== generation || this.#stopped) return null;
    this.#drop(channelId, false);
    const now = this.#d.clock.now();
    const lifetime = response.expires_in * 1000;
    const entry: Entry = {
      token: response.access_token,
      expiresAt: now + lifetime,
      refreshAt: refreshAtFor(now, lifetime, this.#o.marginMs, this.#o.jitterMs, this.#random),
      minValidity: Math.min(this.#o.minValidityMs, lifetime / 4),
      used: false,
      cancelTimer: () => undefined,
    };
    entry.cancelTimer = this.#d.clock.setTimeout(
      () => this.#onRefreshDue(channelId, entry),
      entry.refreshAt - now,
    );
    this.#cache.set(channelId, entry);
    this.#d.onChange(channelId);
    return entry;
  }

  /** At refresh time: refresh a channel in use, let an idle one lapse (and forget it at expiry). */
  #onRefreshDue(channelId: string, entry: Entry): void {
    if (this.#cache.get(channelId) !== entry) return;
    if (entry.used) return this.#background(channelId);
    entry.cancelTimer = this.#d.clock.setTimeout(() => {
      if (this.#cache.get(channelId) === entry) this.#drop(channelId);
    }, entry.expiresAt - this.#d.clock.now());
  }

  #drop(channelId: string, announce = true): void {
    const entry = this.#cache.get(channelId);
    if (!entry) return;
    entry.cancelTimer();
    this.#cache.delete(channelId);
    if (announce) this.#d.onChange(channelId);
  }
}
