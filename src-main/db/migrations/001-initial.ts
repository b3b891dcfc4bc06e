import type { Migration } from './index.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- Browser sessions of the headless UI: only a hash of the cookie is kept.
      CREATE TABLE ui_sessions (
        id_hash TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        subject_kind TEXT NOT NULL,
        subject_id TEXT,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX audit_log_subject ON audit_log (subject_kind, subject_id, at);
    `);
  },
};
