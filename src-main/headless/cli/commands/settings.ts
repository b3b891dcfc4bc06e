import { quoted } from '../../../../src-shared/text/quote.ts';
import {
  isSettingKey,
  parseSettingValue,
  settingKeys,
  settingRule,
  type SettingKey,
} from '../../../settings/setting-values.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';

function keyOf(text: string | undefined): SettingKey {
  if (text === undefined) throw usageError('Name a setting: `dropline settings` lists them.');
  if (!isSettingKey(text))
    throw usageError(`Unknown setting ${quoted(text, 60)}. Known: ${settingKeys.join(', ')}.`);
  return text;
}

const show = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

async function list(ctx: CommandContext): Promise<number> {
  const settings = await withEngine(ctx, (e) => e.api.invoke('settings.get', {}));
  if (ctx.json) ctx.io.out(JSON.stringify(settings));
  else {
    const width = Math.max(...settingKeys.map((k) => k.length));
    for (const key of settingKeys)
      ctx.io.out(`${key.padEnd(width)}  ${show(settings[key])}   (${settingRule(key)})`);
  }
  return ExitCode.ok;
}

async function get(ctx: CommandContext, keyText: string | undefined): Promise<number> {
  const key = keyOf(keyText);
  const settings = await withEngine(ctx, (e) => e.api.invoke('settings.get', {}));
  ctx.io.out(ctx.json ? JSON.stringify({ key, value: settings[key] }) : show(settings[key]));
  return ExitCode.ok;
}

async function set(ctx: CommandContext, keyText: string | undefined, text: string | undefined) {
  const key = keyOf(keyText);
  if (text === undefined)
    throw usageError(`settings set ${key} needs a VALUE: ${settingRule(key)}.`);
  // The same schema the UI's fields and the API check: refused here before the engine is asked.
  const parsed = parseSettingValue(key, text);
  if (!parsed.ok) throw usageError(`${key}: ${quoted(text, 60)} ${parsed.rule}.`);
  const settings = await withEngine(ctx, (e) => e.api.invoke('settings.set', parsed.patch));
  ctx.io.out(
    ctx.json ? JSON.stringify({ key, value: settings[key] }) : `${key} = ${show(settings[key])}`,
  );
  return ExitCode.ok;
}

export const settingsCommand: Command = {
  name: 'settings',
  usage: 'dropline settings [get KEY | set KEY VALUE]',
  summary: 'List every setting, read one, or change one (checked as in the UI)',
  run(ctx) {
    const [verb, key, value, ...extra] = ctx.args;
    if (verb === undefined) return list(ctx);
    if (verb === 'get' && value === undefined) return get(ctx, key);
    if (verb === 'set' && extra.length === 0) return set(ctx, key, value);
    throw usageError('Usage: dropline settings [get KEY | set KEY VALUE].');
  },
};
