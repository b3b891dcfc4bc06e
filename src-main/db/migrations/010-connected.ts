import type { Migration } from './index.ts';

/**
 * Staying connected (issue 12):
 * - `channels.grant_expires_at`: when Google said the sign-in ends (Testing-mode
 *   apps send `refresh_token_expires_in`); NULL when Google gave no end.
 *   `grant_notice_hours` remembers the last advance notice sent (48, then 12),
 *   so a restart does not repeat it; a new consent clears it.
 * - `channels.last_check_at` / `last_check_outcome`: the last health check.
 * - `upload_history`: one row per finished upload, kept when the job is cleared
 *   from the queue (`jobs.cleared_at`: a cleared job leaves the queue's list but
 *   its row stays, so the same file is still known as uploaded). A trigger writes it as a job turns `done`, whichever code
 *   path got it there, so no finished upload can be missed.
 */
export const connected: Migration = {
  version: 10,
  name: 'connected',
  up(db) {
    db.exec(`
      ALTER TABLE channels ADD COLUMN grant_expires_at TEXT;
      ALTER TABLE channels ADD COLUMN grant_notice_hours INTEGER;
      ALTER TABLE channels ADD COLUMN last_check_at TEXT;
      ALTER TABLE channels ADD COLUMN last_check_outcome TEXT;

      ALTER TABLE jobs ADD COLUMN cleared_at TEXT;

      CREATE TABLE upload_history (
        job_id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        channel_title TEXT,
        title TEXT NOT NULL,
        file_path TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        video_id TEXT NOT NULL,
        finished_at TEXT NOT NULL
      );
      CREATE INDEX upload_history_finished ON upload_history (finished_at DESC);
      CREATE INDEX upload_history_channel ON upload_history (channel_id, finished_at DESC);

      CREATE TRIGGER jobs_done_to_history AFTER UPDATE OF state ON jobs
      WHEN NEW.state = 'done' AND OLD.state <> 'done' AND NEW.video_id IS NOT NULL
      BEGIN
        INSERT INTO upload_history (job_id, channel_id, channel_title, title, file_path, bytes, video_id, finished_at)
        VALUES (NEW.id, NEW.channel_id, (SELECT title FROM channels WHERE id = NEW.channel_id),
          COALESCE(json_extract(NEW.metadata, '$.title'), ''), NEW.file_path, NEW.bytes_total,
          NEW.video_id, NEW.updated_at)
        ON CONFLICT (job_id) DO UPDATE SET video_id = excluded.video_id, finished_at = excluded.finished_at;
      END;

      INSERT INTO upload_history (job_id, channel_id, channel_title, title, file_path, bytes, video_id, finished_at)
      SELECT j.id, j.channel_id, c.title, COALESCE(json_extract(j.metadata, '$.title'), ''), j.file_path,
        j.bytes_total, j.video_id, COALESCE(j.completed_at, j.updated_at)
      FROM jobs j LEFT JOIN channels c ON c.id = j.channel_id
      WHERE j.state = 'done' AND j.video_id IS NOT NULL;
    `);
  },
};
