import { randomUUID } from 'node:crypto';
import type { ConnectStarted } from '../../src-shared/api/channels.ts';
import { AppError, isAppError } from '../../src-shared/api/errors.ts';
import type { ConnectOutcome } from '../../src-shared/domain/channel.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { ChannelsService } from './channels-service.ts';
import type { ClientService } from '../auth/client-service.ts';
import { YOUTUBE_SCOPES } from '../auth/google-endpoints.ts';
import { LoopbackFlow } from '../auth/loopback-flow.ts';
import { provisionChannel, type ProvisionDeps } from './provision.ts';

/** Something that can show the authorization URL to the user (the desktop shell opens the browser). */
export type AuthorizationUrlOpener = (url: string) => void;

export interface ConnectServiceDeps extends ProvisionDeps {
  clients: ClientService;
  channelsService: ChannelsService;
  events: EventHub;
  log: Logger;
  timeoutMs?: number;
}

interface Flow {
  loopback: LoopbackFlow;
  outcome: Promise<ConnectOutcome>;
}

// Finished flows stay answerable a while, for a `connectResult` that arrives late.
const KEEP_FINISHED_MS = 10 * 60_000;

/** Runs sign-ins: start (URL back at once), wait for the outcome, cancel. */
export class ConnectService {
  readonly #d: ConnectServiceDeps;
  readonly #flows = new Map<string, Flow>();
  readonly #openers = new Set<AuthorizationUrlOpener>();

  constructor(deps: ConnectServiceDeps) {
    this.#d = deps;
  }

  /** The desktop shell registers `shell.openExternal` here; headless registers nothing. */
  onAuthorizationUrl(opener: AuthorizationUrlOpener): () => void {
    this.#openers.add(opener);
    return () => this.#openers.delete(opener);
  }

  async start(opts: { loginHint?: string; openBrowser: boolean }): Promise<ConnectStarted> {
    const client = this.#d.clients.credentials();
    if (!client)
      throw new AppError(
        'no_client',
        'Set up your Google OAuth client first (client_secret.json of a "Desktop app" client).',
      );
    const loopback = await LoopbackFlow.start({
      authorizationEndpoint: this.#d.endpoints.authorization,
      clientId: client.clientId,
      scopes: YOUTUBE_SCOPES,
      loginHint: opts.loginHint,
      timeoutMs: this.#d.timeoutMs,
      clock: this.#d.clock,
    });
    const flowId = randomUUID();
    const outcome = this.#run(flowId, loopback, client);
    this.#flows.set(flowId, { loopback, outcome });
    if (opts.openBrowser) {
      for (const open of this.#openers) {
        try {
          open(loopback.authorizationUrl);
        } catch (error) {
          this.#d.log.warn('could not open the browser', { error });
        }
      }
    }
    return {
      flowId,
      authorizationUrl: loopback.authorizationUrl,
      expiresAt: new Date(loopback.expiresAt).toISOString(),
    };
  }

  result(flowId: string): Promise<ConnectOutcome> {
    const flow = this.#flows.get(flowId);
    if (!flow) throw new AppError('unknown_flow', 'No such sign-in (it may have ended long ago).');
    return flow.outcome;
  }

  cancel(flowId: string): boolean {
    return this.#flows.get(flowId)?.loopback.cancel() ?? false;
  }

  /** Ends every open sign-in (engine shutdown): their listeners close. */
  stop(): void {
    for (const flow of this.#flows.values()) flow.loopback.cancel();
  }

  async #run(
    flowId: string,
    loopback: LoopbackFlow,
    client: NonNullable<ReturnType<ClientService['credentials']>>,
  ): Promise<ConnectOutcome> {
    let outcome: ConnectOutcome;
    try {
      const grant = await loopback.result;
      const { channelId, reconnected } = await provisionChannel(this.#d, client, grant);
      outcome = {
        status: 'connected',
        channel: this.#d.channelsService.get(channelId),
        reconnected,
      };
      this.#d.log.info('channel connected', { channelId, reconnected });
    } catch (error) {
      const appError = isAppError(error)
        ? error
        : new AppError('sign_in_failed', `Sign-in failed: ${(error as Error).message}`, true);
      outcome = { status: 'failed', error: appError.toJSON() };
      this.#d.log.warn('sign-in failed', { code: appError.code, error: appError.message });
    }
    this.#d.channelsService.changed();
    this.#d.events.emit('channels.connectEnded', { flowId, outcome });
    this.#d.clock.setTimeout(() => this.#flows.delete(flowId), KEEP_FINISHED_MS);
    return outcome;
  }
}
