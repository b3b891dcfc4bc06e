import { ZodOptional, type z } from 'zod';
import {
  SettingsPatchSchema,
  defaultSettings,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/domain/settings.ts';

export type SettingKey = keyof Settings;

export const settingKeys = Object.keys(defaultSettings) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(defaultSettings, key);
}

/** The rule a setting's value follows, in words, read from the same schema the UI and the API use. */
export function settingRule(key: SettingKey): string {
  // The patch schema is partial: each field is an optional around the rule.
  const field = SettingsPatchSchema.shape[key] as z.ZodType;
  const schema = field instanceof ZodOptional ? (field.unwrap() as z.ZodType) : field;
  const def = schema.def as { type: string; entries?: Record<string, string> };
  if (def.type === 'boolean') return 'must be true or false';
  if (def.type === 'enum') return `must be one of: ${Object.values(def.entries ?? {}).join(', ')}`;
  if (def.type === 'number') {
    const n = schema as z.ZodNumber;
    const whole = n.format === 'safeint' || n.isInt ? 'a whole number' : 'a number';
    return `must be ${whole} from ${n.minValue ?? '-∞'} to ${n.maxValue ?? '∞'}`;
  }
  if (key === 'ffprobePath' || key === 'ytdlpPath')
    return 'must be a full path (starting with / or a drive letter), or empty for the default';
  return 'must be text';
}

/**
 * A value typed on the command line, as the setting's type: `true`/`false`,
 * a number, or text; then checked by the settings schema itself. Returns the
 * patch, or the rule it broke.
 */
export function parseSettingValue(
  key: SettingKey,
  text: string,
): { ok: true; patch: SettingsPatch } | { ok: false; rule: string } {
  const kind = typeof defaultSettings[key];
  let value: unknown = text;
  if (kind === 'boolean') {
    if (text !== 'true' && text !== 'false') return { ok: false, rule: settingRule(key) };
    value = text === 'true';
  } else if (kind === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return { ok: false, rule: settingRule(key) };
    value = Number(text);
  }
  const parsed = SettingsPatchSchema.safeParse({ [key]: value });
  if (!parsed.success) return { ok: false, rule: settingRule(key) };
  return { ok: true, patch: parsed.data };
}
