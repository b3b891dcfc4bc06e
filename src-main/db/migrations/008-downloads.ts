import type { Migration } from './index.ts';

/**
 * yt-dlp downloads, so a restart does not forget them: one row per download,
 * its last known record as JSON (read back through the contract's schema),
 * `seq` for the order they were started in.
 */
export const downloads: Migration = {
  version: 8,
  name: 'downloads',
  up(db) {
    db.exec(`
      CREATE TABLE downloads (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        state TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX downloads_by_seq ON downloads (seq);
    `);
  },
};
