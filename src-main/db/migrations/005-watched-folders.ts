import type { Migration } from './index.ts';

/**
 * Watched folders, the videos they have seen, and one fingerprint per
 * (content, channel) so a renamed, touched or rescanned file is never
 * queued twice. "Pending offers" are watch_files rows in state 'offered'.
 */
export const watchedFolders: Migration = {
  version: 5,
  name: 'watched-folders',
  up(db) {
    db.exec(`
      CREATE TABLE watched_folders (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        channel_ids TEXT NOT NULL,
        template TEXT NOT NULL,
        recursive INTEGER NOT NULL,
        enabled INTEGER NOT NULL,
        polling INTEGER NOT NULL,
        stability_ms INTEGER NOT NULL,
        counter INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE watch_files (
        id TEXT PRIMARY KEY,
        folder_id TEXT NOT NULL REFERENCES watched_folders (id) ON DELETE CASCADE,
        rel_path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        content_hash TEXT,
        state TEXT NOT NULL,
        problem TEXT,
        thumbnail TEXT,
        thumbnail_choice TEXT,
        title TEXT,
        job_ids TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL,
        UNIQUE (folder_id, rel_path)
      );
      CREATE INDEX watch_files_hash ON watch_files (folder_id, size, content_hash);
      CREATE TABLE watch_fingerprints (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        mtime_ms INTEGER NOT NULL,
        file_path TEXT NOT NULL,
        folder_id TEXT,
        job_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX watch_fingerprints_key ON watch_fingerprints (channel_id, size, content_hash);
    `);
  },
};
