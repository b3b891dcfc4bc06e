import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isAppError } from '../../../../src-shared/api/errors.ts';
import { PrivacySchema } from '../../../../src-shared/domain/metadata.ts';
import type { WatchedFolder } from '../../../../src-shared/domain/watched-folder.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';

const addOptions = {
  channel: { type: 'string' },
  privacy: { type: 'string' },
  recursive: { type: 'boolean' },
  polling: { type: 'boolean' },
  stability: { type: 'string' },
  title: { type: 'string' },
  existing: { type: 'string' },
  schedule: { type: 'boolean' },
  preset: { type: 'string' },
} as const;

function parse<O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

function folderLine(f: WatchedFolder): string {
  const flags = [f.recursive ? 'recursive' : null, f.polling ? 'polling' : null].filter(Boolean);
  const counts = `${f.counts.queued} queued, ${f.counts.waiting} waiting, ${f.counts.offered} offered`;
  return `${f.status.padEnd(8)} ${f.path}  -> ${f.channelIds.join(',')}  (${[...flags, counts].join('; ')})`;
}

/** Engine answers about bad input are usage errors (exit 2); the rest failures (exit 1). */
function mapError(error: unknown): never {
  if (isAppError(error) && (error.code === 'invalid_input' || error.code === 'already_exists'))
    throw new CliError(ExitCode.usage, error.message);
  throw error;
}

async function add(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, addOptions);
  const [dir, extra] = positionals;
  if (!dir || extra !== undefined) throw usageError('DIR: give exactly one folder.');
  const channelIds = (values.channel ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (channelIds.length === 0) throw usageError('--channel: give at least one channel id.');
  const privacy =
    values.privacy === undefined ? undefined : PrivacySchema.safeParse(values.privacy);
  if (privacy && !privacy.success)
    throw usageError(`--privacy: "${values.privacy}" is not private, unlisted or public.`);
  const stability = values.stability === undefined ? 30 : Number(values.stability);
  if (!Number.isFinite(stability) || stability < 0.05 || stability > 3600)
    throw usageError(`--stability: "${values.stability}" is not a number of seconds (0.05-3600).`);
  if (values.existing !== undefined && !['upload', 'skip'].includes(values.existing))
    throw usageError(`--existing: "${values.existing}" is not upload or skip.`);
  return withEngine(ctx, async ({ api }) => {
    let folder = await api
      .invoke('folders.add', {
        path: resolve(dir),
        channelIds,
        recursive: values.recursive ?? false,
        polling: values.polling ?? false,
        stabilitySeconds: stability,
        schedule: values.schedule ? 'channel' : null,
        preset: values.preset ?? null,
        template: {
          ...(privacy?.success ? { privacy: privacy.data } : {}),
          ...(values.title === undefined ? {} : { title: values.title }),
        },
      })
      .catch(mapError);
    if (values.existing && folder.counts.offered > 0)
      folder = await api.invoke('folders.resolveOffer', {
        folderId: folder.id,
        choice: values.existing === 'upload' ? 'upload_existing' : 'only_new',
      });
    if (ctx.json) ctx.io.out(JSON.stringify(folder));
    else {
      ctx.io.out(`Watching ${folder.path}`);
      if (folder.counts.offered > 0)
        ctx.io.out(
          `${folder.counts.offered} video(s) were already there: choose in the Folders screen, or add again with --existing upload|skip.`,
        );
    }
    return ExitCode.ok;
  });
}

async function list(ctx: CommandContext): Promise<number> {
  return withEngine(ctx, async ({ api }) => {
    const folders = await api.invoke('folders.list', {});
    if (ctx.json) ctx.io.out(JSON.stringify(folders));
    else if (folders.length === 0) ctx.io.out('No watched folders.');
    else for (const f of folders) ctx.io.out(folderLine(f));
    return ExitCode.ok;
  });
}

async function remove(ctx: CommandContext, args: string[]): Promise<number> {
  const { positionals } = parse(args, {});
  const [dir, extra] = positionals;
  if (!dir || extra !== undefined) throw usageError('DIR: give exactly one folder.');
  return withEngine(ctx, async ({ api }) => {
    const result = await api.invoke('folders.remove', { path: resolve(dir) });
    if (!result.removed) throw new CliError(ExitCode.failed, `${resolve(dir)} is not watched.`);
    ctx.io.out(ctx.json ? JSON.stringify(result) : `Stopped watching ${resolve(dir)}`);
    return ExitCode.ok;
  });
}

export const watchCommand: Command = {
  name: 'watch',
  usage:
    'dropline watch add DIR --channel ID[,ID] [--privacy P] [--recursive] [--polling] [--stability S] [--title T] [--existing upload|skip] [--schedule] [--preset NAME] | watch list | watch remove DIR',
  summary: 'Watch folders: every finished video is queued once for their channels',
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    switch (sub) {
      case 'add':
        return add(ctx, rest);
      case 'list':
        return list(ctx);
      case 'remove':
        return remove(ctx, rest);
      default:
        throw usageError(
          `watch: expected add, list or remove${sub ? `, not "${sub}"` : ''}. Run \`dropline watch --help\`.`,
        );
    }
  },
};
