import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Notice } from '../../../../src-shared/domain/notice.ts';
import { resolveDataDir } from '../../../core/config.ts';
import { NoticeRepository } from '../../../notices/notice-repository.ts';
import { usageError, ExitCode } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openEngine } from '../engine-session.ts';

/** cli.md's shape, plus the kind (what Settings' per-kind switches name). */
function view(n: Notice) {
  return {
    id: n.id,
    kind: n.kind,
    level: n.level,
    title: n.title,
    message: n.message,
    channelId: n.channelId,
    jobId: n.jobId,
    read: n.read,
    at: n.at,
  };
}

/** Without an engine the database answers; --mark-read then writes it directly. */
function fromDatabase(dataDir: string, unreadOnly: boolean, markRead: boolean): Notice[] {
  const file = join(dataDir, 'dropline.db');
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: !markRead, fileMustExist: true });
  try {
    const has = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notices'")
      .get();
    if (!has) return [];
    const repo = new NoticeRepository(db, Number.MAX_SAFE_INTEGER);
    const list = repo.list({ unreadOnly, limit: 1_000_000 });
    if (markRead && list.length > 0)
      repo.markRead(
        list.map((n) => n.id),
        new Date().toISOString(),
      );
    return list;
  } finally {
    db.close();
  }
}

export const noticesCommand: Command = {
  name: 'notices',
  usage: 'dropline notices [--unread] [--mark-read]',
  summary: 'The notification centre, newest first (--mark-read: mark the listed ones read)',
  async run(ctx) {
    let unreadOnly = false;
    let markRead = false;
    for (const arg of ctx.args) {
      if (arg === '--unread') unreadOnly = true;
      else if (arg === '--mark-read') markRead = true;
      else throw usageError(`Unknown option "${arg}" for notices. Use --unread or --mark-read.`);
    }
    const engine = await openEngine(ctx);
    let list: Notice[];
    if (engine) {
      try {
        list = (await engine.api.invoke('notices.list', { unreadOnly, limit: 500 })).notices;
        if (markRead && list.length > 0)
          await engine.api.invoke('notices.markRead', { ids: list.map((n) => n.id) });
      } finally {
        engine.close();
      }
    } else
      list = fromDatabase(
        resolveDataDir({ flag: ctx.dataDir, env: ctx.env }),
        unreadOnly,
        markRead,
      );
    if (ctx.json) {
      ctx.io.out(JSON.stringify(list.map(view)));
      return ExitCode.ok;
    }
    if (list.length === 0) ctx.io.out(unreadOnly ? 'No unread notices.' : 'No notices.');
    for (const n of list)
      ctx.io.out(`${n.at}  ${n.read ? ' ' : '*'} ${n.level.padEnd(7)} ${n.title}: ${n.message}`);
    return ExitCode.ok;
  },
};
