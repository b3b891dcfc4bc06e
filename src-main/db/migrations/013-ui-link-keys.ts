import type { Migration } from './index.ts';

export const uiLinkKeys: Migration = {
  version: 13,
  name: 'one-time UI link keys',
  up(db) {
    db.exec(`
      -- The access key in a printed link ('dropline serve', 'dropline ui'): traded once for a
      -- browser session. Only its SHA-256 is kept; used_at set means it is spent.
      CREATE TABLE ui_link_keys (
        key_hash TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
    `);
  },
};
