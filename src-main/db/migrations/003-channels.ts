import type { Migration } from './index.ts';

/** The OAuth client (its secret lives in the vault) and the connected channels. */
export const channels: Migration = {
  version: 3,
  name: 'channels',
  up(db) {
    db.exec(`
      -- One client per installation; the row id is pinned to 1.
      CREATE TABLE oauth_client (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        client_id TEXT NOT NULL,
        project_id TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE channels (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        handle TEXT,
        avatar_url TEXT,
        custom_thumbnails INTEGER,
        google_account TEXT,
        client_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('connected', 'needs_reconsent', 'disconnected')),
        connected_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_refresh_at TEXT,
        last_refresh_outcome TEXT CHECK (last_refresh_outcome IN ('ok', 'failed')),
        disconnected_at TEXT
      );
      CREATE INDEX channels_status ON channels (status);
    `);
  },
};
