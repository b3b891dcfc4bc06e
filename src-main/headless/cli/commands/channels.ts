import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelSummary } from '../../../../src-shared/domain/channel.ts';
import { timeLeftWords } from '../../../../src-shared/domain/grant-expiry.ts';
import { resolveDataDir } from '../../../core/config.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { openEngine } from '../engine-session.ts';
import { channelsCheck } from './channels-check.ts';

/** Without an engine the database answers (cli.md); no access token is held then. */
function readChannels(dataDir: string): ChannelSummary[] {
  const file = join(dataDir, 'dropline.db');
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'channels'")
      .get();
    if (!has) return [];
    const columns = db.prepare("SELECT name FROM pragma_table_info('channels')").pluck().all();
    // A database from before migration 010 has no grant end yet.
    const grant = columns.includes('grant_expires_at') ? 'grant_expires_at' : 'NULL';
    return (
      db
        .prepare(
          `SELECT id, title, status, ${grant} AS grantExpiresAt FROM channels ORDER BY title COLLATE NOCASE, id`,
        )
        .all() as Omit<ChannelSummary, 'accessTokenExpiresAt'>[]
    ).map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      accessTokenExpiresAt: null,
      grantExpiresAt: row.grantExpiresAt,
    }));
  } finally {
    db.close();
  }
}

async function listChannels(ctx: CommandContext): Promise<number> {
  if (ctx.args.length) throw usageError(`Unexpected argument "${ctx.args[0]}" for channels.`);
  const engine = await openEngine(ctx);
  let list: ChannelSummary[];
  if (engine) {
    try {
      list = (await engine.api.invoke('channels.list', {})).map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        accessTokenExpiresAt: c.accessTokenExpiresAt,
        grantExpiresAt: c.grantExpiresAt,
      }));
    } finally {
      engine.close();
    }
  } else list = readChannels(resolveDataDir({ flag: ctx.dataDir, env: ctx.env }));
  if (ctx.json) {
    ctx.io.out(JSON.stringify(list));
    return ExitCode.ok;
  }
  if (list.length === 0) ctx.io.out('No channels. Connect one with `dropline connect`.');
  const now = Date.now();
  for (const c of list) {
    const token = c.accessTokenExpiresAt ? `  (token until ${c.accessTokenExpiresAt})` : '';
    const grant = c.grantExpiresAt
      ? `  sign-in ends ${timeLeftWords(Date.parse(c.grantExpiresAt) - now)} (Google Testing mode)`
      : '';
    ctx.io.out(`${c.id}  ${c.status.padEnd(15)} ${c.title}${token}${grant}`);
  }
  return ExitCode.ok;
}

export const channelsCommand: Command = {
  name: 'channels',
  usage: 'dropline channels [check [CHANNEL_ID]]',
  summary: "List channels with their status; `check` verifies each one's sign-in now",
  run(ctx) {
    if (ctx.args[0] === 'check') return channelsCheck({ ...ctx, args: ctx.args.slice(1) });
    return listChannels(ctx);
  },
};
