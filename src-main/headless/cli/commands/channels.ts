import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelSummary } from '../../../../src-shared/domain/channel.ts';
import { resolveDataDir } from '../../../core/config.ts';
import { ExitCode } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openEngine } from '../engine-session.ts';

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
    return (
      db
        .prepare('SELECT id, title, status FROM channels ORDER BY title COLLATE NOCASE, id')
        .all() as Omit<ChannelSummary, 'accessTokenExpiresAt'>[]
    ).map((row) => ({ ...row, accessTokenExpiresAt: null }));
  } finally {
    db.close();
  }
}

export const channelsCommand: Command = {
  name: 'channels',
  usage: 'dropline channels',
  summary: 'List channels with their status and access-token expiry',
  async run(ctx) {
    const engine = await openEngine(ctx);
    let list: ChannelSummary[];
    if (engine) {
      try {
        list = (await engine.api.invoke('channels.list', {})).map((c) => ({
          id: c.id,
          title: c.title,
          status: c.status,
          accessTokenExpiresAt: c.accessTokenExpiresAt,
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
    for (const c of list)
      ctx.io.out(
        `${c.id}  ${c.status.padEnd(15)} ${c.title}${c.accessTokenExpiresAt ? `  (token until ${c.accessTokenExpiresAt})` : ''}`,
      );
    return ExitCode.ok;
  },
};
