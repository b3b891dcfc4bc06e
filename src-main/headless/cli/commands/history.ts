import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEntry } from '../../../../src-shared/domain/history.ts';
import { quoted } from '../../../../src-shared/text/quote.ts';
import { resolveDataDir } from '../../../core/config.ts';
import { UploadHistory, type HistoryQuery } from '../../../uploads/upload-history.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { openEngine } from '../engine-session.ts';

/** `--since`: a day (YYYY-MM-DD, from its start in the user's time zone) or an ISO 8601 time. */
export function parseSince(text: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = day
    ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime()
    : /^\d{4}-\d{2}-\d{2}T/.test(text)
      ? Date.parse(text)
      : NaN;
  if (!Number.isFinite(ms) || (day && new Date(ms).getDate() !== Number(day[3])))
    throw usageError(
      `--since ${quoted(text, 40)} is not a date: use YYYY-MM-DD or an ISO 8601 time (2026-12-01T09:00:00Z).`,
    );
  return new Date(ms).toISOString();
}

function parseArgs(args: string[]): Omit<HistoryQuery, 'limit'> {
  const q: Omit<HistoryQuery, 'limit'> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw usageError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--channel') q.channelId = value();
    else if (arg === '--since') q.since = parseSince(value());
    else if (arg === '--search') q.search = value();
    else throw usageError(`Unknown option ${quoted(arg, 40)} for history.`);
  }
  return q;
}

/** Without an engine the database answers: the history is all in it. */
function fromDatabase(dataDir: string, q: HistoryQuery): HistoryEntry[] {
  const file = join(dataDir, 'dropline.db');
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'upload_history'")
      .get();
    return has ? new UploadHistory(db).list(q) : [];
  } finally {
    db.close();
  }
}

/** cli.md's shape: the channel's title is left out there (the UI shows it). */
const view = ({ channelTitle: _, ...entry }: HistoryEntry) => entry;

async function run(ctx: CommandContext): Promise<number> {
  const query = { ...parseArgs(ctx.args), limit: 10_000 };
  const engine = await openEngine(ctx);
  let list: HistoryEntry[];
  if (engine)
    try {
      list = await engine.api.invoke('history.list', query);
    } finally {
      engine.close();
    }
  else list = fromDatabase(resolveDataDir({ flag: ctx.dataDir, env: ctx.env }), query);
  if (ctx.json) ctx.io.out(JSON.stringify(list.map(view)));
  else if (list.length === 0) ctx.io.out('No finished uploads yet.');
  else
    for (const h of list)
      ctx.io.out(
        `${h.finishedAt}  ${h.channelId}  ${h.url}  ${h.title}  (${h.file}, ${h.bytes} bytes)  edit: ${h.studioUrl}`,
      );
  return ExitCode.ok;
}

export const historyCommand: Command = {
  name: 'history',
  usage: 'dropline history [--channel ID] [--since DATE] [--search WORDS]',
  summary: 'Finished uploads with their links, newest first (kept when the queue is cleared)',
  run,
};
