import { AppError } from '../../../src-shared/api/errors.ts';
import type { Clock } from '../../base/clock.ts';
import type { Db } from '../../db/database.ts';
import type { SecretRef, SecretStore } from '../../vault/secret-store.ts';
import { NetworkError } from '../../youtube/google-http.ts';
import type { TikTokAccountRepository } from './tiktok-account-repository.ts';
import { TikTokApiError, type TikTokApi, type TokenAnswer } from './tiktok-api.ts';
import type { TikTokAppStore } from './tiktok-app-store.ts';

/** Refresh this long before the access token ends (TikTok gives about two hours). */
const MARGIN_MS = 5 * 60_000;

const current = (openId: string): SecretRef => ({ kind: 'refresh_token', id: `tiktok:${openId}` });
/**
 * The access token and its end, kept encrypted so a restart uses it rather than refreshing: every
 * refresh rotates the refresh token, and one in flight when the process dies (TikTok rotated, the
 * answer never came) costs the account its sign-in. Kept, a start refreshes only near the end.
 */
const access = (openId: string): SecretRef => ({ kind: 'access_token', id: `tiktok:${openId}` });
/** The newest refresh token, written the moment TikTok answers, before anything else. */
const pending = (openId: string): SecretRef => ({
  kind: 'refresh_token',
  id: `tiktok-pending:${openId}`,
});

export interface TikTokTokensDeps {
  db: Db;
  secrets: SecretStore;
  clock: Clock;
  api: TikTokApi;
  app: TikTokAppStore;
  accounts: TikTokAccountRepository;
  /** The account's grant is gone: status, notice (needs_reconsent, as for YouTube channels). */
  onNeedsReconsent(openId: string, message: string): void;
  /** Tests only: runs right after the new refresh token is safe, before the rest is saved (a kill -9 there). */
  afterRefreshAnswer?: () => void;
}

/**
 * Access tokens for TikTok accounts, in memory and (with their end) in the vault; refresh tokens
 * in the vault. TikTok rotates refresh tokens and the one sent dies at once, so
 * the answer's token is written first, to its own row, and only then made
 * current: a crash in between leaves both rows, and the next refresh tries
 * the newest first.
 */
export class TikTokTokens {
  readonly #d: TikTokTokensDeps;
  readonly #cache = new Map<string, { token: string; expiresAt: number }>();
  readonly #inflight = new Map<string, Promise<string>>();

  constructor(deps: TikTokTokensDeps) {
    this.#d = deps;
  }

  async accessToken(openId: string): Promise<string> {
    const known = this.#cache.get(openId) ?? this.#stored(openId);
    if (known && known.expiresAt - MARGIN_MS > this.#d.clock.now()) {
      this.#cache.set(openId, known);
      return known.token;
    }
    return this.refresh(openId);
  }

  /** TikTok refused the token (401): the next call refreshes. */
  invalidate(openId: string): void {
    this.#dropAccess(openId);
  }

  /** After sign-in: the first tokens. */
  storeInitial(answer: TokenAnswer): void {
    this.#d.secrets.put(current(answer.open_id), Buffer.from(answer.refresh_token, 'utf8'));
    this.#d.secrets.delete(pending(answer.open_id));
    this.#remember(answer);
  }

  forget(openId: string): void {
    this.#dropAccess(openId);
    this.#d.secrets.delete(current(openId));
    this.#d.secrets.delete(pending(openId));
  }

  /** One refresh per account at a time; callers during it share its answer. */
  refresh(openId: string): Promise<string> {
    const running = this.#inflight.get(openId);
    if (running) return running;
    const p = this.#refresh(openId).finally(() => this.#inflight.delete(openId));
    this.#inflight.set(openId, p);
    return p;
  }

  /** The refresh token Dropline would send next (tests: shows rotation reached the vault). */
  storedRefreshToken(openId: string): string | null {
    const value = this.#d.secrets.get(pending(openId)) ?? this.#d.secrets.get(current(openId));
    return value ? value.toString('utf8') : null;
  }

  async #refresh(openId: string): Promise<string> {
    const app = this.#d.app.credentials();
    const candidates = [this.#d.secrets.get(pending(openId)), this.#d.secrets.get(current(openId))]
      .filter((b): b is Buffer => b !== null)
      .map((b) => b.toString('utf8'))
      .filter((t, i, all) => all.indexOf(t) === i);
    if (candidates.length === 0)
      return this.#reconsent(openId, 'Dropline holds no sign-in for this TikTok account.');
    for (const candidate of candidates) {
      let answer: TokenAnswer;
      try {
        answer = await this.#d.api.refresh(app, candidate);
      } catch (error) {
        if (error instanceof TikTokApiError && error.kind === 'invalid_grant') continue;
        if (
          error instanceof NetworkError ||
          (error instanceof TikTokApiError && error.kind === 'server')
        )
          throw new AppError(
            'tiktok_unreachable',
            `TikTok could not be reached to refresh the sign-in (${error.message}).`,
            true,
          );
        throw new AppError(
          'tiktok_refresh_failed',
          `TikTok refused to refresh the sign-in: ${(error as Error).message}`,
          false,
        );
      }
      if (answer.open_id !== openId)
        throw new AppError(
          'tiktok_refresh_failed',
          'TikTok answered the refresh for another account.',
          false,
        );
      // Rotation: this token is the only one that works from now on. Safe it first.
      this.#d.secrets.put(pending(openId), Buffer.from(answer.refresh_token, 'utf8'));
      this.#d.afterRefreshAnswer?.();
      this.#d.db.transaction(() => {
        this.#d.secrets.put(current(openId), Buffer.from(answer.refresh_token, 'utf8'));
        this.#d.secrets.delete(pending(openId));
        this.#d.accounts.tokensSaved(
          openId,
          this.#d.clock.now() + answer.refresh_expires_in * 1000,
          answer.scope.split(','),
          new Date(this.#d.clock.now()).toISOString(),
        );
      })();
      return this.#remember(answer);
    }
    return this.#reconsent(
      openId,
      "TikTok no longer accepts this account's sign-in (revoked, or unused for months).",
    );
  }

  #remember(answer: TokenAnswer): string {
    const known = {
      token: answer.access_token,
      expiresAt: this.#d.clock.now() + answer.expires_in * 1000,
    };
    this.#cache.set(answer.open_id, known);
    this.#d.secrets.put(access(answer.open_id), Buffer.from(JSON.stringify(known), 'utf8'));
    return answer.access_token;
  }

  /** The access token kept by an earlier run, if it reads back whole. */
  #stored(openId: string): { token: string; expiresAt: number } | undefined {
    const value = this.#d.secrets.get(access(openId));
    if (!value) return undefined;
    try {
      const known = JSON.parse(value.toString('utf8')) as { token?: unknown; expiresAt?: unknown };
      if (typeof known.token === 'string' && typeof known.expiresAt === 'number')
        return { token: known.token, expiresAt: known.expiresAt };
    } catch {
      // Not ours to fail on: a refresh gets a new one.
    }
    return undefined;
  }

  #dropAccess(openId: string): void {
    this.#cache.delete(openId);
    this.#d.secrets.delete(access(openId));
  }

  #reconsent(openId: string, why: string): never {
    const message = `${why} Connect it again: dropline tiktok connect.`;
    this.#dropAccess(openId);
    this.#d.onNeedsReconsent(openId, message);
    throw new AppError('needs_reconsent', message, false);
  }
}
