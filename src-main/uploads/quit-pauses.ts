import type { Db } from '../db/database.ts';

/**
 * The uploads a quit paused (`quit_paused_jobs`): the next start resumes
 * exactly these, so a job the user paused on purpose stays paused.
 */
export class QuitPauses {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  remember(jobIds: readonly string[], at: string): void {
    const insert = this.#db.prepare(
      'INSERT OR REPLACE INTO quit_paused_jobs (job_id, paused_at) VALUES (?, ?)',
    );
    this.#db.transaction(() => {
      for (const id of jobIds) insert.run(id, at);
    })();
  }

  /** The remembered ids, forgotten as they are handed out. */
  take(): string[] {
    return this.#db.transaction(() => {
      const ids = this.#db
        .prepare('SELECT job_id FROM quit_paused_jobs ORDER BY paused_at, job_id')
        .pluck()
        .all() as string[];
      this.#db.prepare('DELETE FROM quit_paused_jobs').run();
      return ids;
    })();
  }

  forget(jobId: string): void {
    this.#db.prepare('DELETE FROM quit_paused_jobs WHERE job_id = ?').run(jobId);
  }
}
