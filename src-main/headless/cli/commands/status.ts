import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../../../core/config.ts';
import { runningEnginePid } from '../../../engine-process/engine-lock.ts';
import { readServiceFile } from '../../../engine-process/service-file.ts';
import { ExitCode } from '../cli-error.ts';
import type { Command } from '../command.ts';

interface JobRow {
  id: string;
  file: string;
  channelId: string;
  state: string;
  bytesSent: number;
  bytesTotal: number;
  videoId: string | null;
  error: unknown;
}

/** Reads jobs straight from the database: works whether or not an engine runs. */
export function readJobs(dataDir: string): JobRow[] {
  const file = join(dataDir, 'dropline.db');
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasJobs = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'jobs'")
      .get();
    if (!hasJobs) return [];
    const columns = db.prepare("SELECT name FROM pragma_table_info('jobs')").pluck().all();
    // Jobs cleared from the queue (migration 010) stay in the history only.
    const shown = columns.includes('cleared_at') ? 'WHERE cleared_at IS NULL' : '';
    const rows = db
      .prepare(
        `SELECT id, file_path AS file, channel_id AS channelId, state, bytes_sent AS bytesSent, bytes_total AS bytesTotal, video_id AS videoId, error FROM jobs ${shown} ORDER BY created_at`,
      )
      .all() as (JobRow & { error: string | null })[];
    return rows.map((row) => ({ ...row, error: row.error ? JSON.parse(row.error) : null }));
  } finally {
    db.close();
  }
}

export const statusCommand: Command = {
  name: 'status',
  usage: 'dropline status',
  summary: 'Show whether an engine runs, and every job',
  async run(ctx) {
    const dataDir = resolveDataDir({ flag: ctx.dataDir, env: ctx.env });
    const jobs = readJobs(dataDir);
    if (ctx.json) {
      ctx.io.out(JSON.stringify(jobs));
      return ExitCode.ok;
    }
    const pid = runningEnginePid(dataDir);
    const service = pid === null ? null : readServiceFile(dataDir);
    ctx.io.out(
      pid === null
        ? 'Engine: not running'
        : `Engine: running (pid ${pid})${service ? ` at ${service.url}` : ''}`,
    );
    ctx.io.out(`Data: ${dataDir}`);
    if (jobs.length === 0) ctx.io.out('No jobs.');
    for (const job of jobs)
      ctx.io.out(`${job.id}  ${job.state.padEnd(10)} ${job.channelId}  ${job.file}`);
    return ExitCode.ok;
  },
};
