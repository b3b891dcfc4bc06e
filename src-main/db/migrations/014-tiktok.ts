import type { Migration } from './index.ts';

export const tiktok: Migration = {
  version: 14,
  name: 'tiktok',
  up(db) {
    db.exec(`
      -- The user's TikTok app (Login Kit + Content Posting API); its secret is in the vault.
      CREATE TABLE tiktok_app (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        client_key TEXT NOT NULL,
        -- TikTok has no API that tells: the user says whether the app passed TikTok's audit.
        audited INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      -- A TikTok account is a destination 'tiktok:<open_id>'; its refresh token is in the vault.
      CREATE TABLE tiktok_accounts (
        open_id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        nickname TEXT NOT NULL,
        avatar_url TEXT,
        status TEXT NOT NULL,
        scopes TEXT NOT NULL,
        refresh_expires_at INTEGER,
        creator_info TEXT,
        last_error TEXT,
        connected_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- One TikTok upload per job: publish_id (and upload_url, in the vault) written before
      -- the first byte, chunks_acked after each chunk TikTok acknowledged.
      CREATE TABLE tiktok_uploads (
        job_id TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        publish_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        chunk_size INTEGER NOT NULL,
        total_chunks INTEGER NOT NULL,
        chunks_acked INTEGER NOT NULL DEFAULT 0,
        url_expires_at INTEGER NOT NULL,
        inits INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
