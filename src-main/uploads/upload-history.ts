import { studioUrl, videoUrl, type HistoryEntry } from '../../src-shared/domain/history.ts';
import type { Db } from '../db/database.ts';

interface Row {
  job_id: string;
  channel_id: string;
  channel_title: string | null;
  title: string;
  file_path: string;
  bytes: number;
  video_id: string;
  finished_at: string;
}

export interface HistoryQuery {
  channelId?: string;
  since?: string;
  search?: string;
  limit: number;
}

/** `%`, `_` and `\` typed in a search are meant literally. */
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Finished uploads, written by the database itself as a job turns done
 * (migration 010's trigger), so they survive a restart and a cleared queue.
 */
export class UploadHistory {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(q: HistoryQuery): HistoryEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.channelId !== undefined) {
      where.push('channel_id = ?');
      params.push(q.channelId);
    }
    if (q.since !== undefined) {
      where.push('finished_at >= ?');
      params.push(new Date(Date.parse(q.since)).toISOString());
    }
    for (const word of (q.search ?? '').trim().split(/\s+/).filter(Boolean)) {
      where.push("(title LIKE ? ESCAPE '\\' OR file_path LIKE ? ESCAPE '\\')");
      const like = `%${likeEscape(word)}%`;
      params.push(like, like);
    }
    const sql = `SELECT * FROM upload_history ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY finished_at DESC, job_id LIMIT ?`;
    const rows = this.#db.prepare(sql).all(...params, q.limit) as Row[];
    return rows.map((r) => ({
      jobId: r.job_id,
      channelId: r.channel_id,
      channelTitle: r.channel_title,
      title: r.title,
      file: r.file_path,
      bytes: r.bytes,
      videoId: r.video_id,
      url: videoUrl(r.video_id),
      studioUrl: studioUrl(r.video_id),
      finishedAt: r.finished_at,
    }));
  }
}
