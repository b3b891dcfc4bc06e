import type { ClientSetInput } from '../../src-shared/api/channels.ts';
import type { OAuthClientInfo } from '../../src-shared/domain/channel.ts';
import type { Clock } from '../base/clock.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import {
  checkCredentials,
  parseClientSecretFile,
  type OAuthClientCredentials,
} from './client-secret-file.ts';
import type { OAuthClientStore } from './oauth-client-store.ts';

/** Where a client change is recorded (the channels' audit log, which also holds client rows). */
export interface ClientAudit {
  record(
    channelId: null,
    action: 'client_set',
    outcome: 'ok' | 'failed',
    detail?: string | null,
  ): void;
}

/** Setting and reading the user's own Google OAuth client. */
export class ClientService {
  readonly #store: OAuthClientStore;
  readonly #audit: ClientAudit;
  readonly #events: EventHub;
  readonly #clock: Clock;

  constructor(store: OAuthClientStore, audit: ClientAudit, events: EventHub, clock: Clock) {
    this.#store = store;
    this.#audit = audit;
    this.#events = events;
    this.#clock = clock;
  }

  get(): OAuthClientInfo {
    return this.#store.info();
  }

  credentials(): OAuthClientCredentials | null {
    return this.#store.credentials();
  }

  set(input: ClientSetInput): OAuthClientInfo {
    const client =
      'fileText' in input
        ? parseClientSecretFile(input.fileText)
        : checkCredentials(input.clientId, input.clientSecret);
    this.#store.save(client, new Date(this.#clock.now()).toISOString());
    this.#audit.record(null, 'client_set', 'ok', `client ${client.clientId}`);
    const info = this.#store.info();
    this.#events.emit('client.changed', info);
    return info;
  }
}
