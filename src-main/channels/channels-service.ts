import { AppError } from '../../src-shared/api/errors.ts';
import type {
  AuditEntry,
  Channel,
  ChannelStatus,
  TokenStats,
} from '../../src-shared/domain/channel.ts';
import type { Clock } from '../base/clock.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { HttpFetch } from '../auth/http.ts';
import { revokeToken, type ClientAuth } from '../auth/token-endpoint.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import type { AuditLog } from './audit-log.ts';
import type { ChannelRecord, ChannelRepository } from './channel-repository.ts';
import type { TokenManager } from './token-manager.ts';

export interface ChannelsServiceDeps {
  clock: Clock;
  http: HttpFetch;
  revokeUrl: string;
  client: () => ClientAuth | null;
  secrets: SecretStore;
  channels: ChannelRepository;
  audit: AuditLog;
  events: EventHub;
  /** Set after construction: the token manager reports changes back here. */
  tokens?: TokenManager;
  /** True while the vault holding the tokens cannot be opened. */
  vaultLocked?: () => boolean;
}

const CHANGE_COALESCE_MS = 200;

/** Channel list, health, disconnect and audit, as the API shows them. */
export class ChannelsService {
  readonly #d: ChannelsServiceDeps;
  #changeTimer: (() => void) | null = null;
  #stopped = false;

  constructor(deps: ChannelsServiceDeps) {
    this.#d = deps;
  }

  set tokens(tokens: TokenManager) {
    this.#d.tokens = tokens;
  }

  list(): Channel[] {
    const locked = this.#d.vaultLocked?.() ?? false;
    const deps = { ...this.#d, vaultLocked: () => locked };
    return this.#d.channels.all().map((r) => this.#dto(r, deps));
  }

  get(channelId: string): Channel {
    const record = this.#d.channels.get(channelId);
    if (!record) throw new AppError('unknown_channel', `No channel with id ${channelId}.`);
    return this.toDto(record);
  }

  toDto(r: ChannelRecord): Channel {
    return this.#dto(r, this.#d);
  }

  #dto(r: ChannelRecord, d: ChannelsServiceDeps): Channel {
    const tokens = d.tokens;
    const expiresAt = tokens?.expiresAt(r.id) ?? null;
    const status: ChannelStatus =
      r.status !== 'connected'
        ? r.status
        : tokens?.isRefreshing(r.id)
          ? 'refreshing'
          : // A held access token still works, but nothing refreshes it while the vault is locked.
            d.vaultLocked?.()
            ? 'locked'
            : 'connected';
    return {
      id: r.id,
      title: r.title,
      handle: r.handle,
      avatarUrl: r.avatarUrl,
      customThumbnails: r.customThumbnails,
      googleAccount: r.googleAccount,
      clientId: r.clientId,
      status,
      accessTokenExpiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      connectedAt: r.connectedAt,
      lastRefreshAt: r.lastRefreshAt,
      lastRefreshOutcome: r.lastRefreshOutcome,
      grantExpiresAt: r.grantExpiresAt,
      lastCheckAt: r.lastCheckAt,
      lastCheckOutcome: r.lastCheckOutcome,
    };
  }

  /**
   * Revokes at Google, then deletes the refresh token whatever Google said
   * (the user asked for it gone), keeps the row and its history.
   */
  async disconnect(channelId: string): Promise<{ channel: Channel; revokedAtGoogle: boolean }> {
    const record = this.#d.channels.get(channelId);
    if (!record) throw new AppError('unknown_channel', `No channel with id ${channelId}.`);
    const ref = { kind: 'refresh_token', id: channelId } as const;
    const stored = this.#d.secrets.get(ref);
    this.#d.tokens?.forget(channelId);
    const revoked = stored
      ? await revokeToken(
          this.#d.http,
          this.#d.revokeUrl,
          stored.toString('utf8'),
          this.#d.client(),
        )
      : true;
    this.#d.secrets.delete(ref);
    this.#d.channels.setStatus(
      channelId,
      'disconnected',
      new Date(this.#d.clock.now()).toISOString(),
    );
    this.#d.audit.record(
      channelId,
      'revoke',
      revoked ? 'ok' : 'failed',
      revoked
        ? 'revoked at Google; tokens deleted'
        : 'Google could not confirm the revocation; tokens deleted here (remove access at myaccount.google.com/permissions)',
    );
    this.changed();
    return { channel: this.get(channelId), revokedAtGoogle: revoked };
  }

  audit(channelId: string, limit: number): AuditEntry[] {
    return this.#d.audit.forChannel(channelId, limit);
  }

  stats(): TokenStats {
    const byStatus: Record<ChannelStatus, number> = {
      connected: 0,
      refreshing: 0,
      needs_reconsent: 0,
      disconnected: 0,
      locked: 0,
    };
    for (const channel of this.list()) byStatus[channel.status]++;
    const since = new Date(this.#d.clock.now() - 24 * 3600_000).toISOString();
    const counts = this.#d.audit.refreshCounts(since);
    return {
      byStatus,
      refreshesLast24h: counts.ok + counts.failed,
      refreshFailuresLast24h: counts.failed,
      accessTokensInMemory: this.#d.tokens?.tokensInMemory ?? 0,
    };
  }

  /** Announces the channel list, coalescing bursts (200 refreshes) into a few events. */
  changed(): void {
    // Sign-ins ended by stop() report in after it: the database may be closed by then.
    if (this.#changeTimer || this.#stopped) return;
    this.#changeTimer = this.#d.clock.setTimeout(() => {
      this.#changeTimer = null;
      this.#d.events.emit('channels.changed', this.list());
    }, CHANGE_COALESCE_MS);
  }

  stop(): void {
    this.#stopped = true;
    this.#changeTimer?.();
    this.#changeTimer = null;
  }
}
