import { randomUUID } from 'node:crypto';
import { MAX_WAITING_SIGN_INS, type ConnectStarted } from '../../src-shared/api/channels.ts';
import { AppError, RouterErrorCode, isAppError } from '../../src-shared/api/errors.ts';
import { unlessAborted } from '../base/abortable.ts';
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

/** Ended flows kept for a late `connectResult`: bounded, so a flood cannot grow the map. */
const MAX_FINISHED = 50;

// Finished flows stay answerable a while, for a `connectResult` that arrives late.
const KEEP_FINISHED_MS = 10 * 60_000;

/** Runs sign-ins: start (URL back at once), wait for the outcome, cancel. */
export class ConnectService {
  readonly #d: ConnectServiceDeps;
  readonly #flows = new Map<string, Flow>();
  readonly #openers = new Set<AuthorizationUrlOpener>();
  // One start at a time: a flood of connect calls never holds more than a few listeners.
  #starting: Promise<unknown> = Promise.resolve();

  constructor(deps: ConnectServiceDeps) {
    this.#d = deps;
  }

  /** The desktop shell registers `shell.openExternal` here; headless registers nothing. */
  onAuthorizationUrl(opener: AuthorizationUrlOpener): () => void {
    this.#openers.add(opener);
    return () => this.#openers.delete(opener);
  }

  start(opts: { loginHint?: string; openBrowser: boolean }): Promise<ConnectStarted> {
    const started = this.#starting.then(() => this.#start(opts));
    this.#starting = started.catch(() => undefined);
    return started;
  }

  /** Waiting (unsettled) flows, oldest first. */
  #waiting(): Array<[string, Flow]> {
    return [...this.#flows].filter(([, flow]) => !flow.loopback.settled);
  }

  async #start(opts: { loginHint?: string; openBrowser: boolean }): Promise<ConnectStarted> {
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
    const earlier = this.#waiting();
    const newestEarlier = earlier.at(-1);
    // The oldest beyond the limit end now, and say why.
    for (const [, flow] of earlier.slice(
      0,
      Math.max(0, earlier.length - (MAX_WAITING_SIGN_INS - 1)),
    ))
      flow.loopback.cancel(
        new AppError(
          'sign_in_replaced',
          `A newer sign-in replaced this one (Dropline keeps at most ${MAX_WAITING_SIGN_INS} waiting); finish the newest one, or start again.`,
          true,
        ),
      );
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
    const stillWaiting = newestEarlier && !newestEarlier[1].loopback.settled ? newestEarlier : null;
    return {
      flowId,
      authorizationUrl: loopback.authorizationUrl,
      expiresAt: new Date(loopback.expiresAt).toISOString(),
      alreadyWaiting: stillWaiting
        ? {
            flowId: stillWaiting[0],
            authorizationUrl: stillWaiting[1].loopback.authorizationUrl,
            expiresAt: new Date(stillWaiting[1].loopback.expiresAt).toISOString(),
          }
        : null,
    };
  }

  /** How many sign-ins wait now (each with its loopback listener). */
  waitingCount(): number {
    return this.#waiting().length;
  }

  /**
   * The sign-in's outcome, waited for until `signal` aborts (the caller left).
   * The sign-in itself goes on: a caller that comes back asks again.
   */
  result(flowId: string, signal?: AbortSignal): Promise<ConnectOutcome> {
    const flow = this.#flows.get(flowId);
    if (!flow) throw new AppError('unknown_flow', 'No such sign-in (it may have ended long ago).');
    if (!signal) return flow.outcome;
    return unlessAborted(
      flow.outcome,
      signal,
      () =>
        new AppError(
          RouterErrorCode.callerGone,
          'The caller left before the sign-in ended; ask for its result again.',
          true,
        ),
    );
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
    const finished = [...this.#flows].filter(([, f]) => f.loopback.settled);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED)))
      this.#flows.delete(id);
    return outcome;
  }
}
