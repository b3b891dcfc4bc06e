import type { Migration } from './index.ts';

export const jobOrderTimeline: Migration = {
  version: 12,
  name: 'job order and timeline',
  up(db) {
    db.exec(`
      -- The queue's order: lower starts first. Existing jobs keep the order they were added in.
      ALTER TABLE jobs ADD COLUMN position REAL;
      UPDATE jobs SET position = rowid;
      CREATE INDEX jobs_position ON jobs (position);
      -- A job's history for its detail view; goes with the job.
      CREATE TABLE job_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX job_events_job ON job_events (job_id, id);
    `);
  },
};
