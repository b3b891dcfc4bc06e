import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../src-shared/api/errors.ts';
import type { NoticeInput } from '../../../src-shared/domain/notice.ts';
import type { TikTokAccount } from '../../../src-shared/domain/tiktok.ts';
import { LoopbackFlow } from '../../auth/loopback-flow.ts';
import { codeChallengeHex } from './pkce-hex.ts';
import type { Clock } from '../../base/clock.ts';
import type { Logger } from '../../logging/logger.ts';
import type { EventHub } from '../../rpc/event-hub.ts';
import type { TikTokAccountRepository } from './tiktok-account-repository.ts';
import type { TikTokApi } from './tiktok-api.ts';
import type { TikTokAppStore } from './tiktok-app-store.ts';
import type { TikTokEndpoints } from './tiktok-endpoints.ts';
import type { TikTokTokens } from './tiktok-tokens.ts';
import { accountView } from './posting-options.ts';

/** video.publish for direct posts, video.upload for drafts, user.info.basic for the profile. */
export const TIKTOK_SCOPES = ['user.info.basic', 'video.publish', 'video.upload'];

export interface TikTokAccountsDeps {
  clock: Clock;
  log: Logger;
  events: EventHub;
  api: TikTokApi;
  endpoints: TikTokEndpoints;
  app: TikTokAppStore;
  repo: TikTokAccountRepository;
  tokens: TikTokTokens;
  notify(notice: NoticeInput): void;
  signInTimeoutMs?: number;
}

/** TikTok accounts: PKCE loopback sign-in, listing with posting options, health checks, disconnect. */
export class TikTokAccounts {
  readonly #d: TikTokAccountsDeps;
  readonly #flows = new Map<string, Promise<TikTokAccount>>();

  constructor(deps: TikTokAccountsDeps) {
    this.#d = deps;
  }

  #audited(): boolean {
    return this.#d.app.get()?.audited ?? false;
  }

  #now(): string {
    return new Date(this.#d.clock.now()).toISOString();
  }

  list(): TikTokAccount[] {
    const audited = this.#audited();
    return this.#d.repo.list().map((r) => accountView(r, audited));
  }

  get(openId: string): TikTokAccount {
    const record = this.#d.repo.get(openId);
    if (!record) throw new AppError('not_found', `No TikTok account ${openId} is connected.`);
    return accountView(record, this.#audited());
  }

  async connect(opts: { openBrowser: boolean; onUrl?: (url: string) => void }) {
    const app = this.#d.app.credentials();
    const loopback = await LoopbackFlow.start({
      authorizationEndpoint: this.#d.endpoints.authorize,
      clientId: app.clientKey,
      scopes: TIKTOK_SCOPES,
      timeoutMs: this.#d.signInTimeoutMs,
      clock: this.#d.clock,
      // Login Kit: client_key, comma-separated scopes, a hex SHA-256 challenge (desktop).
      authorizationParams: ({ redirectUri, state, verifier }) => ({
        client_key: app.clientKey,
        scope: TIKTOK_SCOPES.join(','),
        response_type: 'code',
        redirect_uri: redirectUri,
        state,
        code_challenge: codeChallengeHex(verifier),
        code_challenge_method: 'S256',
      }),
    });
    const flowId = randomUUID();
    const outcome = loopback.result.then(async (grant) => {
      const answer = await this.#d.api.exchangeCode(app, grant);
      const scopes = answer.scope.split(',');
      if (!scopes.includes('video.publish') && !scopes.includes('video.upload'))
        throw new AppError(
          'tiktok_scope_missing',
          'The sign-in did not allow posting (video.publish or video.upload). Connect again and allow posting videos.',
        );
      const info = await this.#d.api.creatorInfo(answer.access_token);
      this.#d.repo.upsert({
        openId: answer.open_id,
        info,
        scopes,
        refreshExpiresAt: this.#d.clock.now() + answer.refresh_expires_in * 1000,
        at: this.#now(),
      });
      this.#d.tokens.storeInitial(answer);
      this.#d.events.emit('tiktok.changed', {});
      return this.get(answer.open_id);
    });
    outcome.catch(() => undefined);
    this.#flows.set(flowId, outcome);
    if (opts.openBrowser) opts.onUrl?.(loopback.authorizationUrl);
    return {
      flowId,
      authorizationUrl: loopback.authorizationUrl,
      expiresAt: new Date(loopback.expiresAt).toISOString(),
    };
  }

  result(flowId: string): Promise<TikTokAccount> {
    const flow = this.#flows.get(flowId);
    if (!flow) throw new AppError('not_found', `No TikTok sign-in ${flowId}.`);
    return flow;
  }

  /** Creator info now (privacy options, interaction switches, longest video), saved for the UI. */
  async creatorInfo(openId: string) {
    const token = await this.#d.tokens.accessToken(openId);
    const info = await this.#d.api.creatorInfo(token);
    this.#d.repo.creatorInfoSaved(openId, info, this.#now());
    this.#d.events.emit('tiktok.changed', {});
    return info;
  }

  /** One refresh per account, as `dropline channels check` does for YouTube. */
  async check(openId?: string): Promise<{ openId: string; status: string; message: string }[]> {
    const targets = this.#d.repo
      .list()
      .filter((r) => (openId ? r.openId === openId : r.status !== 'disconnected'));
    if (openId && targets.length === 0)
      throw new AppError('not_found', `No TikTok account ${openId} is connected.`);
    const results = [];
    for (const r of targets) {
      try {
        await this.#d.tokens.refresh(r.openId);
        results.push({ openId: r.openId, status: 'connected', message: 'The sign-in works.' });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const status =
          isAppError(error) && error.code === 'needs_reconsent' ? 'needs_reconsent' : r.status;
        results.push({ openId: r.openId, status, message });
      }
    }
    this.#d.events.emit('tiktok.changed', {});
    return results;
  }

  /**
   * A daily check of every account: one refresh each, which also renews
   * TikTok's refresh token (so an account unused for months stays
   * connected) and finds a revoked one before an upload does.
   */
  startHealthChecks(everyMs = 24 * 60 * 60_000): () => void {
    let cancel = () => undefined as void;
    const tick = () => {
      void this.check().catch((error: unknown) =>
        this.#d.log.warn('TikTok health check failed', { error: (error as Error).message }),
      );
      cancel = this.#d.clock.setTimeout(tick, everyMs);
    };
    cancel = this.#d.clock.setTimeout(tick, 60_000);
    return () => cancel();
  }

  needsReconsent(openId: string, message: string): void {
    const record = this.#d.repo.get(openId);
    if (!record || record.status === 'needs_reconsent') return;
    this.#d.repo.setStatus(openId, 'needs_reconsent', message, this.#now());
    this.#d.notify({
      level: 'warning',
      kind: 'needs_reconnect',
      title: `TikTok: ${record.nickname} needs to be connected again`,
      message,
    });
    this.#d.events.emit('tiktok.changed', {});
  }

  async disconnect(openId: string): Promise<TikTokAccount> {
    const record = this.#d.repo.get(openId);
    if (!record) throw new AppError('not_found', `No TikTok account ${openId} is connected.`);
    try {
      const token = await this.#d.tokens.accessToken(openId);
      await this.#d.api.revoke(this.#d.app.credentials(), token);
    } catch (error) {
      this.#d.log.warn('TikTok revoke failed; forgetting the tokens anyway', {
        openId,
        error: (error as Error).message,
      });
    }
    this.#d.tokens.forget(openId);
    this.#d.repo.setStatus(openId, 'disconnected', null, this.#now());
    this.#d.events.emit('tiktok.changed', {});
    return this.get(openId);
  }
}
