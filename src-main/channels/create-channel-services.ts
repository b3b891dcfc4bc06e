import type { Clock } from '../base/clock.ts';
import type { Notices } from '../notices/notices.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { ClientService } from '../auth/client-service.ts';
import { ConnectService } from './connect-service.ts';
import { googleEndpoints } from '../auth/google-endpoints.ts';
import { nodeFetch, type HttpFetch } from '../auth/http.ts';
import { OAuthClientStore } from '../auth/oauth-client-store.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import { AuditLog } from './audit-log.ts';
import { ChannelRepository } from './channel-repository.ts';
import { ChannelsService } from './channels-service.ts';
import { TokenManager, type TokenManagerOptions } from './token-manager.ts';
import { defaultHealthTiming, HealthChecks } from './health-checks.ts';
import { GrantExpiryNotices } from './grant-expiry.ts';

export interface ChannelServices {
  clients: ClientService;
  channels: ChannelsService;
  connect: ConnectService;
  /** The AccessTokenSource every Google API call uses. */
  tokens: TokenManager;
  audit: AuditLog;
  /** Rare checks of every connected channel's grant (start-up, then every healthCheckHours). */
  health: HealthChecks;
  /** Notices before a Testing-mode grant ends. */
  grantExpiry: GrantExpiryNotices;
  /** Starts the health checks and grant-end notices (the engine does; one-shot CLI work does not). */
  start(): void;
  stop(): void;
}

export interface ChannelServicesDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  notices: Pick<Notices, 'post'>;
  log: Logger;
  secrets: SecretStore;
  /** True while the vault cannot be opened: channels show `locked`, not `connected`. */
  vaultLocked?: () => boolean;
  googleBaseUrl: string | null;
  http?: HttpFetch;
  signInTimeoutMs?: number;
  tokenOptions?: Partial<TokenManagerOptions>;
  random?: () => number;
  /** The setting healthCheckHours; 12 when not given. */
  healthCheckHours?: () => number;
  /** Tests: the start-up spread and the retry after a network failure. */
  healthTiming?: Partial<typeof defaultHealthTiming>;
}

/** Wires OAuth client, sign-in, tokens and channel health; create-core calls this once. */
export function createChannelServices(d: ChannelServicesDeps): ChannelServices {
  const http = d.http ?? nodeFetch;
  const endpoints = googleEndpoints(d.googleBaseUrl);
  const log = d.log.child({ area: 'channels' });
  const repo = new ChannelRepository(d.db);
  const audit = new AuditLog(d.db, d.clock);
  const clients = new ClientService(
    new OAuthClientStore(d.db, d.secrets),
    audit,
    d.events,
    d.clock,
  );
  const channels = new ChannelsService({
    vaultLocked: d.vaultLocked,
    clock: d.clock,
    http,
    revokeUrl: endpoints.revoke,
    client: () => clients.credentials(),
    secrets: d.secrets,
    channels: repo,
    audit,
    events: d.events,
  });
  const tokens = new TokenManager({
    clock: d.clock,
    http,
    tokenUrl: endpoints.token,
    client: () => clients.credentials(),
    secrets: d.secrets,
    channels: repo,
    audit,
    notify: (notice) => d.notices.post(notice),
    onChange: () => channels.changed(),
    log,
    random: d.random,
    options: d.tokenOptions,
  });
  channels.tokens = tokens;
  const connect = new ConnectService({
    clock: d.clock,
    http,
    endpoints,
    secrets: d.secrets,
    channels: repo,
    tokens,
    audit,
    clients,
    channelsService: channels,
    events: d.events,
    log,
    timeoutMs: d.signInTimeoutMs,
  });
  const timing = { ...defaultHealthTiming, ...d.healthTiming };
  const health = new HealthChecks({
    clock: d.clock,
    channels: repo,
    refresh: (channelId) => tokens.refresh(channelId),
    intervalMs: () => (d.healthCheckHours?.() ?? 12) * 3600_000,
    startSpreadMs: timing.startSpreadMs,
    retryMs: timing.retryMs,
    random: d.random ?? Math.random,
    log,
    onChange: () => channels.changed(),
  });
  const grantExpiry = new GrantExpiryNotices({
    clock: d.clock,
    channels: repo,
    notify: (notice) => d.notices.post(notice),
  });
  let unsubscribe: (() => void) | null = null;
  return {
    clients,
    channels,
    connect,
    tokens,
    audit,
    health,
    grantExpiry,
    start() {
      if (unsubscribe) return;
      // A connect, reconnect or refresh may add a channel to check or move a grant's end.
      unsubscribe = d.events.subscribe((event) => {
        if (event !== 'channels.changed') return;
        health.sync();
        grantExpiry.arm();
      });
      health.start();
      grantExpiry.arm();
    },
    stop() {
      unsubscribe?.();
      health.stop();
      grantExpiry.stop();
      connect.stop();
      tokens.stop();
      channels.stop();
    },
  };
}
