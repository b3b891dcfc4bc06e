import {
  DownloadSchema,
  isFinalDownloadState,
  type Download,
} from '../../src-shared/domain/cookie-file.ts';
import type { Db } from '../db/database.ts';

/** Finished downloads kept in the list; older ones are dropped as new ones start. */
const KEEP_FINISHED = 500;

/** The `downloads` table: each download's last known record, oldest first. */
export class DownloadRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Every stored download that still reads as one (a damaged row is skipped). */
  all(): Download[] {
    const rows = this.#db.prepare('SELECT record FROM downloads ORDER BY seq').all() as {
      record: string;
    }[];
    const found: Download[] = [];
    for (const { record } of rows) {
      try {
        const parsed = DownloadSchema.safeParse(JSON.parse(record));
        if (parsed.success) found.push(parsed.data);
      } catch {
        // Not JSON: nothing a download can be read from.
      }
    }
    return found;
  }

  save(download: Download): void {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO downloads (id, seq, state, record)
           VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM downloads), ?, ?)
           ON CONFLICT (id) DO UPDATE SET state = excluded.state, record = excluded.record`,
        )
        .run(download.id, download.state, JSON.stringify(download));
      if (isFinalDownloadState(download.state)) this.#prune();
    })();
  }

  /** Forgets one download (the user removed it from the list); its file stays. */
  remove(id: string): void {
    this.#db.prepare('DELETE FROM downloads WHERE id = ?').run(id);
  }

  #prune(): void {
    this.#db
      .prepare(
        `DELETE FROM downloads WHERE state IN ('done', 'failed', 'cancelled') AND id NOT IN (
           SELECT id FROM downloads WHERE state IN ('done', 'failed', 'cancelled')
           ORDER BY seq DESC LIMIT ?)`,
      )
      .run(KEEP_FINISHED);
  }
}
