import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Clock } from '../base/clock.ts';

const SESSION_DAYS = 30;

/**
 * A browser that once presented the launch token gets an HttpOnly cookie, so
 * a bookmarked tab keeps working after the engine restarts with a new token.
 * Only the SHA-256 of the cookie value is stored.
 */
export class UiSessions {
  readonly #db: Db;
  readonly #clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  create(): { value: string; maxAgeSeconds: number } {
    const value = randomBytes(32).toString('base64url');
    const now = new Date(this.#clock.now()).toISOString();
    this.#db
      .prepare('INSERT INTO ui_sessions (id_hash, created_at, last_seen_at) VALUES (?, ?, ?)')
      .run(hash(value), now, now);
    return { value, maxAgeSeconds: SESSION_DAYS * 24 * 3600 };
  }

  verify(value: string | undefined): boolean {
    if (!value) return false;
    const cutoff = new Date(this.#clock.now() - SESSION_DAYS * 24 * 3600 * 1000).toISOString();
    const row = this.#db
      .prepare('SELECT last_seen_at FROM ui_sessions WHERE id_hash = ? AND last_seen_at > ?')
      .get(hash(value), cutoff);
    if (!row) return false;
    this.#db
      .prepare('UPDATE ui_sessions SET last_seen_at = ? WHERE id_hash = ?')
      .run(new Date(this.#clock.now()).toISOString(), hash(value));
    return true;
  }
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
