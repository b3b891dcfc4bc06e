import { AppError } from '../../../src-shared/api/errors.ts';
import type { Clock } from '../../base/clock.ts';
import type { Db } from '../../db/database.ts';
import type { SecretStore } from '../../vault/secret-store.ts';

const SECRET = { kind: 'oauth_client_secret', id: 'tiktok-app' } as const;

export interface TikTokAppView {
  clientKey: string;
  /** Whether the app passed TikTok's audit; an unaudited app may post SELF_ONLY only. */
  audited: boolean;
}

/** The user's TikTok app: its client key in SQLite, its client secret in the vault. */
export class TikTokAppStore {
  readonly #db: Db;
  readonly #secrets: SecretStore;
  readonly #clock: Clock;
  constructor(db: Db, secrets: SecretStore, clock: Clock) {
    this.#db = db;
    this.#secrets = secrets;
    this.#clock = clock;
  }

  get(): TikTokAppView | null {
    const row = this.#db
      .prepare('SELECT client_key, audited FROM tiktok_app WHERE id = 1')
      .get() as { client_key: string; audited: number } | undefined;
    return row ? { clientKey: row.client_key, audited: row.audited === 1 } : null;
  }

  set(input: { clientKey: string; clientSecret?: string; audited: boolean }): TikTokAppView {
    const clientKey = input.clientKey.trim();
    if (!/^[A-Za-z0-9_-]{4,64}$/.test(clientKey))
      throw new AppError(
        'invalid_input',
        'clientKey: a TikTok client key is 4-64 letters, digits, "-" or "_" (App details in TikTok for Developers).',
      );
    const secret = input.clientSecret?.trim();
    if (secret !== undefined && secret.length === 0)
      throw new AppError('invalid_input', 'clientSecret: the client secret is empty.');
    if (secret === undefined && !this.get())
      throw new AppError('invalid_input', "clientSecret: give the app's client secret too.");
    this.#db.transaction(() => {
      if (secret !== undefined) this.#secrets.put(SECRET, Buffer.from(secret, 'utf8'));
      this.#db
        .prepare(
          `INSERT INTO tiktok_app (id, client_key, audited, updated_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET client_key = excluded.client_key, audited = excluded.audited, updated_at = excluded.updated_at`,
        )
        .run(clientKey, input.audited ? 1 : 0, new Date(this.#clock.now()).toISOString());
    })();
    return this.get()!;
  }

  /** Key and secret for the token endpoint; AppError when no app is set up. */
  credentials(): { clientKey: string; clientSecret: string } {
    const app = this.get();
    const secret = app ? this.#secrets.get(SECRET) : null;
    if (!app || !secret)
      throw new AppError(
        'no_tiktok_app',
        'Set up your TikTok app first: `dropline tiktok app --key KEY --secret SECRET` (Login Kit + Content Posting API, redirect http://127.0.0.1:*/).',
      );
    return { clientKey: app.clientKey, clientSecret: secret.toString('utf8') };
  }
}
