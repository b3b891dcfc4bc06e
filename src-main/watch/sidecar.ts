import { z } from 'zod';
import { baseName, extensionOf } from '../../src-shared/watch/file-kinds.ts';
import { parseFieldMap } from '../../src-shared/watch/field-map.ts';
import { PrivacySchema, type VideoMetadata } from '../../src-shared/domain/metadata.ts';
import { tiktokSidecarSchema } from './tiktok-sidecar.ts';

/**
 * Sidecar metadata next to a video: ep12.json or ep12.yaml with the fields
 * of VideoMetadata, or ep12.txt (first line the title, the rest the
 * description). Every problem names the file, the line and the field, and
 * the video waits instead of uploading with wrong metadata.
 */
export type SidecarFields = Partial<VideoMetadata>;

export type SidecarResult =
  | { ok: true; fields: SidecarFields; lines: Partial<Record<keyof VideoMetadata, number>> }
  | { ok: false; message: string };

const fieldSchemas = {
  title: z.string(),
  description: z.string(),
  tags: z.union([
    z.array(z.string()),
    z.string().transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]),
  categoryId: z.union([z.string(), z.number().int().transform(String)]),
  privacy: PrivacySchema,
  publishAt: z.string().nullable(),
  playlistId: z.string().nullable(),
  madeForKids: z.boolean(),
  containsSyntheticMedia: z.boolean(),
  defaultLanguage: z.string().nullable(),
  localizations: z.record(
    z.string(),
    z.object({ title: z.string(), description: z.string().default('') }).strict(),
  ),
  tiktok: tiktokSidecarSchema,
} satisfies Record<keyof VideoMetadata, z.core.$ZodType>;

/** The sidecar's field schemas, for files that use the same names (presets). */
export const sidecarFieldSchemas: Record<keyof VideoMetadata, z.core.$ZodType> = fieldSchemas;

// Names people copy from the API's own resource (snippet/status fields).
const aliases: Record<string, keyof VideoMetadata> = {
  privacyStatus: 'privacy',
  selfDeclaredMadeForKids: 'madeForKids',
  category: 'categoryId',
};

function parseStructured(file: string, text: string): SidecarResult {
  const result = parseFieldMap(file, text, fieldSchemas, aliases);
  if (!result.ok) return result;
  return { ok: true, fields: result.fields as SidecarFields, lines: result.lines };
}

function parseText(text: string): SidecarResult {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = all.findIndex((line) => line.trim() !== '');
  if (first === -1) return { ok: true, fields: {}, lines: {} };
  const description = all
    .slice(first + 1)
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  return {
    ok: true,
    fields: { title: (all[first] as string).trim(), description },
    lines: { title: first + 1, description: first + 2 },
  };
}

export function parseSidecar(file: string, text: string): SidecarResult {
  const ext = extensionOf(baseName(file));
  return ext === 'txt' ? parseText(text) : parseStructured(file, text);
}
