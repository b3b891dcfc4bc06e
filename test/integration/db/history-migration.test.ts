import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { test } from 'vitest';
import { migrations } from '../../../src-main/db/migrations/index.ts';

const insertJob = (db: Database.Database, id: string, state: string, videoId: string | null) =>
  db
    .prepare(
      `INSERT INTO jobs (id, file_path, channel_id, state, bytes_total, video_id, created_at, updated_at,
         metadata, source, content_type, file_mtime_ms, file_partial_hash, completed_at)
       VALUES (?, ?, 'UC1', ?, 1234, ?, '2026-11-01T10:00:00.000Z', '2026-11-01T10:05:00.000Z', ?, 'cli',
         'video/mp4', 0, 'h', CASE WHEN ? = 'done' THEN '2026-11-01T10:04:00.000Z' END)`,
    )
    .run(id, `/videos/${id}.mp4`, state, videoId, JSON.stringify({ title: `Title ${id}` }), state);

test('migration 010 fills the history with uploads done before it, and a trigger adds each new one', () => {
  const db = new Database(':memory:');
  const before = migrations.filter((m) => m.version < 10);
  for (const m of before) m.up(db);
  db.prepare(
    "INSERT INTO channels (id, title, status, connected_at, updated_at) VALUES ('UC1', 'Alice', 'connected', 'x', 'x')",
  ).run();
  insertJob(db, 'old-done', 'done', 'vidOld');
  insertJob(db, 'old-failed', 'failed', null);
  insertJob(db, 'queued', 'queued', null);
  migrations.find((m) => m.version === 10)!.up(db);
  for (const m of migrations.filter((m) => m.version > 10)) m.up(db);

  const rows = () =>
    db.prepare('SELECT * FROM upload_history ORDER BY finished_at, job_id').all() as Record<
      string,
      unknown
    >[];
  assert.deepEqual(rows(), [
    {
      job_id: 'old-done',
      channel_id: 'UC1',
      channel_title: 'Alice',
      title: 'Title old-done',
      file_path: '/videos/old-done.mp4',
      bytes: 1234,
      video_id: 'vidOld',
      finished_at: '2026-11-01T10:04:00.000Z',
    },
  ]);

  // A job turning done (with its video) is recorded; other changes are not.
  db.prepare("UPDATE jobs SET state = 'uploading' WHERE id = 'queued'").run();
  assert.equal(rows().length, 1);
  db.prepare(
    "UPDATE jobs SET state = 'done', video_id = 'vidNew', updated_at = '2026-11-02T09:00:00.000Z' WHERE id = 'queued'",
  ).run();
  assert.deepEqual(
    rows().map((r) => [r.job_id, r.video_id, r.finished_at]),
    [
      ['old-done', 'vidOld', '2026-11-01T10:04:00.000Z'],
      ['queued', 'vidNew', '2026-11-02T09:00:00.000Z'],
    ],
  );
  // Clearing done jobs from the queue, or even deleting a job, keeps its history row.
  db.prepare("UPDATE jobs SET cleared_at = 'now' WHERE state = 'done'").run();
  db.prepare("DELETE FROM jobs WHERE id = 'old-done'").run();
  assert.equal(rows().length, 2);
  db.close();
});
