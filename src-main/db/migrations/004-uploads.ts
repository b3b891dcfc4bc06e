import type { Migration } from './index.ts';

export const uploads: Migration = {
  version: 4,
  name: 'uploads',
  up(db) {
    db.exec(`
      -- One row per (file, channel). The session URI is written before the first
      -- byte and bytes_sent only from Google's own answers, so a restart resumes.
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        file_path TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        state TEXT NOT NULL,
        bytes_sent INTEGER NOT NULL DEFAULT 0,
        bytes_total INTEGER NOT NULL,
        video_id TEXT,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        metadata TEXT NOT NULL,
        thumbnail_path TEXT,
        source TEXT NOT NULL,
        content_type TEXT NOT NULL,
        file_mtime_ms INTEGER NOT NULL,
        file_partial_hash TEXT NOT NULL,
        session_uri TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        wait_reason TEXT,
        next_attempt_at INTEGER,
        thumbnail_step TEXT NOT NULL DEFAULT 'none',
        playlist_step TEXT NOT NULL DEFAULT 'none',
        completed_at TEXT
      );
      CREATE INDEX jobs_state ON jobs (state, created_at);
      CREATE INDEX jobs_channel ON jobs (channel_id, created_at);
      -- A channel that hit YouTube's 24-hour upload cap waits; the others go on.
      CREATE TABLE channel_holds (
        channel_id TEXT PRIMARY KEY,
        until_ms INTEGER NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE TABLE quota_ledger (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id TEXT NOT NULL,
        day TEXT NOT NULL,
        call TEXT NOT NULL,
        units INTEGER NOT NULL,
        ref TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX quota_ledger_day ON quota_ledger (project_id, day);
    `);
  },
};
