import { randomUUID } from 'node:crypto';
import type { Db } from '../../src-main/db/database.ts';
import type { UploadEnqueuer, UploadRequest } from '../../src-main/uploads/upload-request.ts';

/**
 * A test UploadEnqueuer that only records requests in SQLite (one row per
 * file x channel), in the caller's transaction: for watcher tests and the
 * watcher bench, which count what was queued without uploading it. Its table
 * lives in the test database only, never in the engine's migrations.
 */
export class RecordingEnqueuer implements UploadEnqueuer {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS recorded_uploads (
      id TEXT PRIMARY KEY,
      file TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      thumbnail TEXT,
      metadata TEXT NOT NULL,
      source TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
  }

  enqueue(request: UploadRequest): string[] {
    const insert = this.#db.prepare(
      'INSERT INTO recorded_uploads (id, file, channel_id, thumbnail, metadata, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    return this.#db.transaction(() =>
      request.channelIds.map((channelId) => {
        const id = randomUUID();
        insert.run(
          id,
          request.file,
          channelId,
          request.thumbnail,
          JSON.stringify(request.metadata),
          JSON.stringify(request.source),
          new Date().toISOString(),
        );
        return id;
      }),
    )();
  }

  list(): {
    id: string;
    file: string;
    channelId: string;
    thumbnail: string | null;
    title: string;
  }[] {
    const rows = this.#db
      .prepare(
        'SELECT id, file, channel_id AS channelId, thumbnail, metadata FROM recorded_uploads ORDER BY rowid',
      )
      .all() as {
      id: string;
      file: string;
      channelId: string;
      thumbnail: string | null;
      metadata: string;
    }[];
    return rows.map(({ metadata, ...row }) => ({
      ...row,
      title: (JSON.parse(metadata) as { title: string }).title,
    }));
  }
}
