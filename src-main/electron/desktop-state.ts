import type { Db } from '../db/database.ts';

/** Small facts the desktop shell remembers across starts (`desktop_state`), such as one-time hints. */
export class DesktopState {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  get(key: string): string | null {
    return (
      (this.#db.prepare('SELECT value FROM desktop_state WHERE key = ?').pluck().get(key) as
        string | undefined) ?? null
    );
  }

  set(key: string, value: string): void {
    this.#db
      .prepare(
        'INSERT INTO desktop_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}
