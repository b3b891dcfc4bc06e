import type { Migration } from './index.ts';

/**
 * Metadata of stored cookie files. The cookie values themselves live only in
 * the vault (`secrets`, kind `cookie_file`, id = this row's id).
 */
export const cookieFiles: Migration = {
  version: 6,
  name: 'cookie-files',
  up(db) {
    db.exec(`
      CREATE TABLE cookie_files (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        -- 0 = active, 1.. = backups (newest first).
        position INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        source_name TEXT NOT NULL,
        cookie_count INTEGER NOT NULL,
        auth_cookie_count INTEGER NOT NULL,
        domains TEXT NOT NULL,
        signed_in INTEGER NOT NULL,
        earliest_auth_expiry TEXT,
        rotations INTEGER NOT NULL DEFAULT 0,
        rotated_at TEXT,
        last_used_at TEXT,
        last_success_at TEXT,
        last_failure_at TEXT,
        last_failure TEXT,
        status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'failing')),
        UNIQUE (label, position)
      );
    `);
  },
};
