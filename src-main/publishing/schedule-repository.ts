import type { Schedule } from '../../src-shared/api/publishing.ts';
import type { ScheduleSpec } from '../../src-shared/publishing/schedule.ts';
import type { Db } from '../db/database.ts';

interface Row {
  channel_id: string;
  rrule: string;
  tz: string;
  start: string | null;
  exceptions: string;
  created_at: string;
  updated_at: string;
}

const toSchedule = (r: Row): Schedule => ({
  channelId: r.channel_id,
  rrule: r.rrule,
  tz: r.tz,
  start: r.start,
  exceptions: JSON.parse(r.exceptions) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One publishing schedule per channel. */
export class ScheduleRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  get(channelId: string): Schedule | null {
    const row = this.#db.prepare('SELECT * FROM schedules WHERE channel_id = ?').get(channelId) as
      Row | undefined;
    return row ? toSchedule(row) : null;
  }

  list(): Schedule[] {
    return (this.#db.prepare('SELECT * FROM schedules ORDER BY channel_id').all() as Row[]).map(
      toSchedule,
    );
  }

  save(channelId: string, spec: ScheduleSpec, at: string): Schedule {
    this.#db
      .prepare(
        `INSERT INTO schedules (channel_id, rrule, tz, start, exceptions, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(channel_id) DO UPDATE SET rrule = excluded.rrule, tz = excluded.tz,
           start = excluded.start, exceptions = excluded.exceptions, updated_at = excluded.updated_at`,
      )
      .run(channelId, spec.rrule, spec.tz, spec.start, JSON.stringify(spec.exceptions), at, at);
    return this.get(channelId) as Schedule;
  }

  remove(channelId: string): boolean {
    return (
      this.#db.prepare('DELETE FROM schedules WHERE channel_id = ?').run(channelId).changes > 0
    );
  }
}
