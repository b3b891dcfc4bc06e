import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CookieLabelInfo } from '../../../../src-shared/domain/cookie-file.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';

const USAGE =
  'dropline cookies import FILE [--label L] [--delete-source] | cookies list | cookies check [L] | cookies remove L';

async function importCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { label: { type: 'string' }, 'delete-source': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw usageError('cookies import: give exactly one FILE.');
  const path = resolve(positionals[0] as string);
  return withEngine(ctx, async ({ api }) => {
    const result = await api.invoke('cookies.import', { path, label: values.label });
    let sourceDeleted = false;
    if (values['delete-source'] && result.sourceDeletable)
      sourceDeleted = (await api.invoke('cookies.deleteSource', { versionId: result.versionId }))
        .deleted;
    if (ctx.json) {
      ctx.io.out(JSON.stringify({ ...result, sourceDeleted }));
      return ExitCode.ok;
    }
    const s = result.summary;
    ctx.io.out(
      [
        `Imported ${s.cookieCount} cookies as "${result.label}" (${result.backups} backup${result.backups === 1 ? '' : 's'} kept).`,
        `Domains: ${s.domains.join(', ')}`,
        `Signed in to YouTube: ${s.signedInToYouTube ? 'yes' : 'no'}${s.earliestAuthExpiry ? `; auth cookies expire ${s.earliestAuthExpiry}` : ''}`,
        sourceDeleted
          ? `Deleted the plaintext file ${path}.`
          : `${path} still holds your sign-in in plain text: delete it, or import with --delete-source.`,
      ].join('\n'),
    );
    return ExitCode.ok;
  });
}

function describeLabel(info: CookieLabelInfo): string {
  const a = info.active;
  return `${info.label.padEnd(16)} ${a.freshness.padEnd(10)} ${a.health.padEnd(8)} ${String(a.cookieCount).padStart(4)} cookies  expires ${a.earliestAuthExpiry ?? '-'}  backups ${info.backups.length}  imported ${a.importedAt} from ${a.sourceName}`;
}

async function listCommand(ctx: CommandContext): Promise<number> {
  return withEngine(ctx, async ({ api }) => {
    const labels = await api.invoke('cookies.list', {});
    if (ctx.json) ctx.io.out(JSON.stringify(labels));
    else if (labels.length === 0)
      ctx.io.out('No cookie files. Import one with `dropline cookies import FILE`.');
    else for (const info of labels) ctx.io.out(describeLabel(info));
    return ExitCode.ok;
  });
}

async function checkCommand(ctx: CommandContext, args: string[]): Promise<number> {
  if (args.length > 1) throw usageError('cookies check: give at most one label.');
  return withEngine(ctx, async ({ api }) => {
    const checks = await api.invoke('cookies.check', args[0] ? { label: args[0] } : {});
    if (ctx.json) ctx.io.out(JSON.stringify(checks));
    else if (checks.length === 0) ctx.io.out('No cookie files.');
    else
      for (const c of checks) ctx.io.out(`${c.label}: ${c.freshness}, ${c.health}. ${c.message}`);
    const expired = checks.filter((c) => c.freshness === 'expired');
    if (expired.length > 0 && !ctx.json)
      ctx.io.err(`Expired: ${expired.map((c) => c.label).join(', ')}`);
    return expired.length > 0 ? ExitCode.failed : ExitCode.ok;
  });
}

async function removeCommand(ctx: CommandContext, args: string[]): Promise<number> {
  if (args.length !== 1) throw usageError('cookies remove: give exactly one label.');
  return withEngine(ctx, async ({ api }) => {
    const result = await api.invoke('cookies.remove', { label: args[0] as string });
    ctx.io.out(
      ctx.json
        ? JSON.stringify(result)
        : `Removed "${args[0]}" (${result.removed} file${result.removed === 1 ? '' : 's'}).`,
    );
    return ExitCode.ok;
  });
}

export const cookiesCommand: Command = {
  name: 'cookies',
  usage: USAGE,
  summary: 'Cookie files for yt-dlp: import, list, check freshness, remove',
  async run(ctx) {
    const [sub, ...args] = ctx.args;
    switch (sub) {
      case 'import':
        return importCommand(ctx, args);
      case 'list':
        return listCommand(ctx);
      case 'check':
        return checkCommand(ctx, args);
      case 'remove':
        return removeCommand(ctx, args);
      default:
        throw usageError(`cookies: unknown subcommand "${sub ?? ''}". Usage: ${USAGE}`);
    }
  },
};
