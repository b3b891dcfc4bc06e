import {
  NoticeActionSchema,
  NoticeKindSchema,
  type Notice,
} from '../../src-shared/domain/notice.ts';
import type { Db } from '../db/database.ts';

interface NoticeRow {
  id: string;
  kind: string;
  level: Notice['level'];
  title: string;
  message: string;
  channel_id: string | null;
  job_id: string | null;
  action: string | null;
  at: string;
  read_at: string | null;
}

function toNotice(row: NoticeRow): Notice {
  const kind = NoticeKindSchema.safeParse(row.kind);
  const action = NoticeActionSchema.safeParse(row.action);
  return {
    id: row.id,
    // A kind or action this version does not know (written by a newer one) reads as plain.
    kind: kind.success ? kind.data : 'general',
    level: row.level,
    title: row.title,
    message: row.message,
    channelId: row.channel_id,
    jobId: row.job_id,
    action: action.success ? action.data : null,
    read: row.read_at !== null,
    at: row.at,
  };
}

/** The `notices` table: newest first, the oldest dropped beyond `keep`. */
export class NoticeRepository {
  readonly #db: Db;
  readonly #keep: number;

  constructor(db: Db, keep: number) {
    this.#db = db;
    this.#keep = keep;
  }

  insert(notice: Notice): void {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO notices (id, kind, level, title, message, channel_id, job_id, action, at, read_at, seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM notices))`,
        )
        .run(
          notice.id,
          notice.kind,
          notice.level,
          notice.title,
          notice.message,
          notice.channelId,
          notice.jobId,
          notice.action,
          notice.at,
          notice.read ? notice.at : null,
        );
      this.#db
        .prepare(
          'DELETE FROM notices WHERE seq <= (SELECT seq FROM notices ORDER BY seq DESC LIMIT 1 OFFSET ?)',
        )
        .run(this.#keep);
    })();
  }

  list(opts: { unreadOnly: boolean; limit: number }): Notice[] {
    const where = opts.unreadOnly ? 'WHERE read_at IS NULL' : '';
    const rows = this.#db
      .prepare(`SELECT * FROM notices ${where} ORDER BY seq DESC LIMIT ?`)
      .all(opts.limit) as NoticeRow[];
    return rows.map(toNotice);
  }

  get(id: string): Notice | null {
    const row = this.#db.prepare('SELECT * FROM notices WHERE id = ?').get(id) as
      NoticeRow | undefined;
    return row ? toNotice(row) : null;
  }

  unreadCount(): number {
    return this.#db
      .prepare('SELECT count(*) FROM notices WHERE read_at IS NULL')
      .pluck()
      .get() as number;
  }

  /** Returns how many changed (0 when they were read already or unknown). */
  markRead(ids: readonly string[] | 'all', at: string): number {
    if (ids === 'all')
      return this.#db.prepare('UPDATE notices SET read_at = ? WHERE read_at IS NULL').run(at)
        .changes;
    const mark = this.#db.prepare(
      'UPDATE notices SET read_at = ? WHERE id = ? AND read_at IS NULL',
    );
    let changed = 0;
    this.#db.transaction(() => {
      for (const id of ids) changed += mark.run(at, id).changes;
    })();
    return changed;
  }
}
