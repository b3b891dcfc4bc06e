import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { presetFileMaxBytes } from '../../../../src-shared/api/publishing.ts';
import type { Preset } from '../../../../src-shared/publishing/preset.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';

function parse<O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

const scope = (p: Preset) => (p.channelId ? `channel ${p.channelId}` : 'global');

function oneName(positionals: string[]): string {
  const [name, extra] = positionals;
  if (!name || extra !== undefined) throw usageError('NAME: give exactly one preset name.');
  return name;
}

async function list(ctx: CommandContext): Promise<number> {
  return withEngine(ctx, async ({ api }) => {
    const presets = await api.invoke('presets.list', {});
    if (ctx.json) ctx.io.out(JSON.stringify(presets));
    else if (presets.length === 0)
      ctx.io.out('No presets. Add one with `dropline presets set NAME --file preset.yaml`.');
    else
      for (const p of presets)
        ctx.io.out(
          `${p.name.padEnd(24)} ${scope(p).padEnd(36)} ${Object.keys(p.fields).join(', ')}`,
        );
    return ExitCode.ok;
  });
}

async function show(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { channel: { type: 'string' } });
  const name = oneName(positionals);
  return withEngine(ctx, async ({ api }) => {
    const preset = await api.invoke('presets.get', { name, channelId: values.channel ?? null });
    if (ctx.json) ctx.io.out(JSON.stringify(preset));
    else {
      ctx.io.out(`${preset.name} (${scope(preset)}), changed ${preset.updatedAt}`);
      for (const [k, v] of Object.entries(preset.fields))
        ctx.io.out(`  ${k}: ${JSON.stringify(v)}`);
    }
    return ExitCode.ok;
  });
}

async function set(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    file: { type: 'string' },
    channel: { type: 'string' },
  });
  const name = oneName(positionals);
  if (!values.file)
    throw usageError('--file: give the preset file (YAML or JSON, sidecar field names).');
  const path = resolve(values.file);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isFile()) throw usageError(`--file: ${path} does not exist.`);
  // Checked before reading: a preset file is a few lines, never megabytes.
  if (stats.size > presetFileMaxBytes)
    throw usageError(
      `--file: ${basename(path)} is ${stats.size} bytes; a preset file may have at most ${presetFileMaxBytes}.`,
    );
  const text = readFileSync(path, 'utf8');
  return withEngine(ctx, async ({ api }) => {
    const saved = await api.invoke('presets.import', {
      name,
      channelId: values.channel ?? null,
      fileName: basename(path),
      text,
    });
    ctx.io.out(ctx.json ? JSON.stringify(saved) : `Saved preset ${saved.name} (${scope(saved)}).`);
    return ExitCode.ok;
  });
}

async function remove(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { channel: { type: 'string' } });
  const name = oneName(positionals);
  return withEngine(ctx, async ({ api }) => {
    const result = await api.invoke('presets.remove', { name, channelId: values.channel ?? null });
    if (!result.removed)
      throw new CliError(
        ExitCode.failed,
        `No preset ${name}${values.channel ? ` for channel ${values.channel}` : ' (global)'}.`,
      );
    ctx.io.out(ctx.json ? JSON.stringify(result) : `Removed preset ${name}.`);
    return ExitCode.ok;
  });
}

export const presetsCommand: Command = {
  name: 'presets',
  usage:
    'dropline presets list | presets show NAME [--channel ID] | presets set NAME --file preset.yaml [--channel ID] | presets remove NAME [--channel ID]',
  summary: 'Named metadata presets, global or per channel, for uploads and watched folders',
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    switch (sub) {
      case 'list':
        return list(ctx);
      case 'show':
        return show(ctx, rest);
      case 'set':
        return set(ctx, rest);
      case 'remove':
        return remove(ctx, rest);
      default:
        throw usageError(
          `presets: expected list, show, set or remove${sub ? `, not "${sub}"` : ''}. Run \`dropline presets --help\`.`,
        );
    }
  },
};
