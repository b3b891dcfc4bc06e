import type { Migration } from './index.ts';

/**
 * The notification centre, and what the desktop app keeps across a quit:
 * `notices` (read or unread, with the channel or job they concern),
 * `quit_paused_jobs` (uploads a quit paused, resumed at the next start, so a
 * job the user paused stays paused), and `desktop_state` (one-time hints).
 */
export const notices: Migration = {
  version: 9,
  name: 'notices',
  up(db) {
    db.exec(`
      CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        title TEXT NOT NULL,
        message TEXT NOT NULL,
        -- No foreign keys: a notice outlives the channel or job it was about.
        channel_id TEXT,
        job_id TEXT,
        action TEXT,
        at TEXT NOT NULL,
        read_at TEXT,
        seq INTEGER NOT NULL
      );
      CREATE INDEX notices_by_seq ON notices (seq DESC);
      CREATE INDEX notices_unread ON notices (seq) WHERE read_at IS NULL;

      CREATE TABLE quit_paused_jobs (
        job_id TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        paused_at TEXT NOT NULL
      );

      CREATE TABLE desktop_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
