import type { Migration } from './index.ts';

/**
 * Publishing plans: a schedule per channel, named metadata presets, and on
 * each job its captions (a post step each), its warnings (a chapter list
 * YouTube will ignore) and the schedule slot it fills. Watched folders may
 * use a preset and their channels' schedules.
 */
export const publishing: Migration = {
  version: 11,
  name: 'publishing',
  up(db) {
    db.exec(`
      CREATE TABLE schedules (
        channel_id TEXT PRIMARY KEY,
        rrule TEXT NOT NULL,
        tz TEXT NOT NULL,
        start TEXT,
        exceptions TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- channel_id '' is a global preset (NULL would not be unique in SQLite).
      CREATE TABLE presets (
        name TEXT NOT NULL,
        channel_id TEXT NOT NULL DEFAULT '',
        fields TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (name, channel_id)
      );
      ALTER TABLE jobs ADD COLUMN captions TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE jobs ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
      -- The slot's instant in ms: a slot is taken by the channel's jobs that hold it.
      ALTER TABLE jobs ADD COLUMN slot_ms INTEGER;
      CREATE INDEX jobs_slot ON jobs (channel_id, slot_ms);
      ALTER TABLE watched_folders ADD COLUMN preset TEXT;
      ALTER TABLE watched_folders ADD COLUMN schedule TEXT;
    `);
  },
};
