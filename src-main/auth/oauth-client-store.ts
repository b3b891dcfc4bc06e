import type { OAuthClientInfo } from '../../src-shared/domain/channel.ts';
import type { Db } from '../db/database.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import type { OAuthClientCredentials } from './client-secret-file.ts';

interface Row {
  client_id: string;
  project_id: string | null;
  updated_at: string;
}

/** The client id in `oauth_client`; its secret only in the vault, bound to the id. */
export class OAuthClientStore {
  readonly #db: Db;
  readonly #secrets: SecretStore;

  constructor(db: Db, secrets: SecretStore) {
    this.#db = db;
    this.#secrets = secrets;
  }

  info(): OAuthClientInfo {
    const row = this.#row();
    return {
      configured: row !== undefined,
      clientId: row?.client_id ?? null,
      projectId: row?.project_id ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  /** null until the user has set a client. */
  credentials(): OAuthClientCredentials | null {
    const row = this.#row();
    if (!row) return null;
    const secret = this.#secrets.get({ kind: 'oauth_client_secret', id: row.client_id });
    if (!secret) return null;
    return {
      clientId: row.client_id,
      clientSecret: secret.toString('utf8'),
      projectId: row.project_id,
    };
  }

  save(client: OAuthClientCredentials, at: string): void {
    const previous = this.#row();
    this.#secrets.put(
      { kind: 'oauth_client_secret', id: client.clientId },
      Buffer.from(client.clientSecret, 'utf8'),
    );
    this.#db
      .prepare(
        `INSERT INTO oauth_client (id, client_id, project_id, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET client_id = excluded.client_id, project_id = excluded.project_id, updated_at = excluded.updated_at`,
      )
      .run(client.clientId, client.projectId, at);
    if (previous && previous.client_id !== client.clientId)
      this.#secrets.delete({ kind: 'oauth_client_secret', id: previous.client_id });
  }

  #row(): Row | undefined {
    return this.#db
      .prepare('SELECT client_id, project_id, updated_at FROM oauth_client WHERE id = 1')
      .get() as Row | undefined;
  }
}
