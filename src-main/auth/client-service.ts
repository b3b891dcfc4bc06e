import type { ClientSetInput } from '../../src-shared/api/channels.ts';
import type { OAuthClientInfo } from '../../src-shared/domain/channel.ts';
import type { Clock } from '../core/clock.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { AuditLog } from '../tokens/audit-log.ts';
import {
  checkCredentials,
  parseClientSecretFile,
  type OAuthClientCredentials,
} from './client-secret-file.ts';
import type { OAuthClientStore } from './oauth-client-store.ts';

/** Setting and reading the user's own Google OAuth client. */
export class ClientService {
  readonly #store: OAuthClientStore;
  readonly #audit: AuditLog;
  readonly #events: EventHub;
  readonly #clock: Clock;

  constructor(store: OAuthClientStore, audit: AuditLog, events: EventHub, clock: Clock) {
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
