import type { CookieSummary } from '../../src-shared/domain/cookie-file.ts';
import type { Db } from '../db/database.ts';

export interface CookieRow extends CookieSummary {
  id: string;
  label: string;
  position: number;
  importedAt: string;
  sourceName: string;
  rotations: number;
  rotatedAt: string | null;
  lastUsedAt: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailure: string | null;
  status: 'ok' | 'failing';
}

interface RawRow {
  id: string;
  label: string;
  position: number;
  imported_at: string;
  source_name: string;
  cookie_count: number;
  auth_cookie_count: number;
  domains: string;
  signed_in: number;
  earliest_auth_expiry: string | null;
  rotations: number;
  rotated_at: string | null;
  last_used_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  last_failure: string | null;
  status: 'ok' | 'failing';
}

function toRow(raw: RawRow): CookieRow {
  return {
    id: raw.id,
    label: raw.label,
    position: raw.position,
    importedAt: raw.imported_at,
    sourceName: raw.source_name,
    cookieCount: raw.cookie_count,
    authCookieCount: raw.auth_cookie_count,
    domains: JSON.parse(raw.domains) as string[],
    signedInToYouTube: raw.signed_in === 1,
    earliestAuthExpiry: raw.earliest_auth_expiry,
    rotations: raw.rotations,
    rotatedAt: raw.rotated_at,
    lastUsedAt: raw.last_used_at,
    lastSuccessAt: raw.last_success_at,
    lastFailureAt: raw.last_failure_at,
    lastFailure: raw.last_failure,
    status: raw.status,
  };
}

/** Metadata rows of cookie versions; never a cookie value. */
export class CookieRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  all(): CookieRow[] {
    const rows = this.#db
      .prepare('SELECT * FROM cookie_files ORDER BY label, position')
      .all() as RawRow[];
    return rows.map(toRow);
  }

  byLabel(label: string): CookieRow[] {
    const rows = this.#db
      .prepare('SELECT * FROM cookie_files WHERE label = ? ORDER BY position')
      .all(label) as RawRow[];
    return rows.map(toRow);
  }

  byId(id: string): CookieRow | null {
    const raw = this.#db.prepare('SELECT * FROM cookie_files WHERE id = ?').get(id) as
      RawRow | undefined;
    return raw ? toRow(raw) : null;
  }

  /** Moves every version of a label one place down (the active becomes backup 1). */
  shiftDown(label: string): void {
    // Two steps so UNIQUE(label, position) never sees two rows on one place.
    this.#db
      .prepare('UPDATE cookie_files SET position = -(position + 1) WHERE label = ?')
      .run(label);
    this.#db.prepare('UPDATE cookie_files SET position = -position WHERE label = ?').run(label);
  }

  insert(
    row: Omit<
      CookieRow,
      | 'rotations'
      | 'rotatedAt'
      | 'lastUsedAt'
      | 'lastSuccessAt'
      | 'lastFailureAt'
      | 'lastFailure'
      | 'status'
    >,
  ): void {
    this.#db
      .prepare(
        `INSERT INTO cookie_files (id, label, position, imported_at, source_name, cookie_count,
          auth_cookie_count, domains, signed_in, earliest_auth_expiry)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.label,
        row.position,
        row.importedAt,
        row.sourceName,
        row.cookieCount,
        row.authCookieCount,
        JSON.stringify(row.domains),
        row.signedInToYouTube ? 1 : 0,
        row.earliestAuthExpiry,
      );
  }

  /** yt-dlp wrote a changed jar back: new summary, same version. */
  recordRotation(id: string, summary: CookieSummary, at: string): void {
    this.#db
      .prepare(
        `UPDATE cookie_files SET cookie_count = ?, auth_cookie_count = ?, domains = ?, signed_in = ?,
          earliest_auth_expiry = ?, rotations = rotations + 1, rotated_at = ? WHERE id = ?`,
      )
      .run(
        summary.cookieCount,
        summary.authCookieCount,
        JSON.stringify(summary.domains),
        summary.signedInToYouTube ? 1 : 0,
        summary.earliestAuthExpiry,
        at,
        id,
      );
  }

  recordUse(id: string, at: string): void {
    this.#db.prepare('UPDATE cookie_files SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  recordSuccess(id: string, at: string): void {
    this.#db
      .prepare("UPDATE cookie_files SET last_success_at = ?, status = 'ok' WHERE id = ?")
      .run(at, id);
  }

  recordFailure(id: string, at: string, message: string, failing: boolean): void {
    this.#db
      .prepare(
        `UPDATE cookie_files SET last_failure_at = ?, last_failure = ?,
          status = CASE WHEN ? THEN 'failing' ELSE status END WHERE id = ?`,
      )
      .run(at, message, failing ? 1 : 0, id);
  }

  deleteIds(ids: readonly string[]): void {
    const del = this.#db.prepare('DELETE FROM cookie_files WHERE id = ?');
    for (const id of ids) del.run(id);
  }
}
