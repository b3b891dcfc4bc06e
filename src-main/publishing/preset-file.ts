import { z } from 'zod';
import {
  ScheduleChoiceSchema,
  PresetFieldsSchema,
  type PresetFields,
} from '../../src-shared/publishing/preset.ts';
import { parseFieldMap } from '../../src-shared/watch/field-map.ts';
import { baseName } from '../../src-shared/watch/file-kinds.ts';
import { sidecarFieldSchemas } from '../watch/sidecar.ts';
import { presetProblems } from './preset-rules.ts';

/**
 * A preset file: the sidecar's field names (tags, privacy, categoryId,
 * playlistId, madeForKids, containsSyntheticMedia, defaultLanguage,
 * localizations) plus descriptionFooter and schedule ("channel", or
 * {rrule, tz, start, exceptions}). YAML or JSON; every problem names the
 * file, the line and the field.
 */
const { title: _t, description: _d, publishAt: _p, ...shared } = sidecarFieldSchemas;
const presetFileSchemas = {
  ...shared,
  descriptionFooter: z.string(),
  schedule: z.nullable(ScheduleChoiceSchema),
};

export type PresetFileResult = { ok: true; fields: PresetFields } | { ok: false; message: string };

export function parsePresetFile(file: string, text: string): PresetFileResult {
  const name = baseName(file);
  if (/^\s*(title|description|publishAt)\s*:/m.test(text)) {
    const field = /^\s*(title|description|publishAt)\s*:/m.exec(text)?.[1];
    const line = text
      .slice(0, text.search(/^\s*(title|description|publishAt)\s*:/m))
      .split('\n').length;
    return {
      ok: false,
      message: `${name}, line ${line}: field "${field}" belongs to one video, not a preset (use descriptionFooter for text added to every description).`,
    };
  }
  const parsed = parseFieldMap(file, text, presetFileSchemas, {
    privacyStatus: 'privacy',
    selfDeclaredMadeForKids: 'madeForKids',
    category: 'categoryId',
  });
  if (!parsed.ok) return parsed;
  const fields = PresetFieldsSchema.safeParse(parsed.fields);
  if (!fields.success)
    return {
      ok: false,
      message: `${name}: ${fields.error.issues[0]?.message ?? 'invalid preset'}.`,
    };
  const problems = presetProblems(fields.data);
  if (problems.length) {
    const lines = parsed.lines as Record<string, number | undefined>;
    return {
      ok: false,
      message: problems
        .map((p) => {
          const line = lines[p.field.split('.')[0] as string];
          return `${name}${line ? `, line ${line}` : ''}, field "${p.field}": ${p.message}.`;
        })
        .join(' '),
    };
  }
  return { ok: true, fields: fields.data };
}
