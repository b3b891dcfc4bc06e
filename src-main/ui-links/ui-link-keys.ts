import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';

const LINK_HOURS = 24;

/**
 * The access key of a printed link works once: the first browser that opens
 * the link trades it for its own session cookie, and a second browser (another
 * profile, someone who saw the link) is refused. A fresh link comes from
 * `dropline ui`. Only the SHA-256 of a key is stored.
 */
export class UiLinkKeys {
  readonly #db: Db;
  readonly #clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  issue(): { key: string; expiresAt: string } {
    const key = randomBytes(32).toString('base64url');
    const now = this.#clock.now();
    const expiresAt = new Date(now + LINK_HOURS * 3600 * 1000).toISOString();
    this.#db
      .prepare('INSERT INTO ui_link_keys (key_hash, created_at, expires_at) VALUES (?, ?, ?)')
      .run(hash(key), new Date(now).toISOString(), expiresAt);
    return { key, expiresAt };
  }

  /** True once for a key that was issued, is not spent and has not expired. */
  redeem(key: string | undefined): boolean {
    if (!key) return false;
    const now = new Date(this.#clock.now()).toISOString();
    const spent = this.#db
      .prepare(
        'UPDATE ui_link_keys SET used_at = ? WHERE key_hash = ? AND used_at IS NULL AND expires_at > ?',
      )
      .run(now, hash(key), now);
    return spent.changes === 1;
  }
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
