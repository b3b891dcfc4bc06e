import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { baseName, extensionOf } from '../../src-shared/watch/file-kinds.ts';
import { PrivacySchema, type VideoMetadata } from '../../src-shared/domain/metadata.ts';
import { escapeControls, quoted } from '../../src-shared/text/quote.ts';

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
} satisfies Record<keyof VideoMetadata, z.core.$ZodType>;

// Names people copy from the API's own resource (snippet/status fields).
const aliases: Record<string, keyof VideoMetadata> = {
  privacyStatus: 'privacy',
  selfDeclaredMadeForKids: 'madeForKids',
  category: 'categoryId',
};

const firstLine = (text: string): string => (text.split('\n')[0] ?? '').slice(0, 200);

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function jsonSyntaxLine(text: string, error: Error): number | null {
  const explicit = /line (\d+)/.exec(error.message);
  if (explicit) return Number(explicit[1]);
  const position = /position (\d+)/.exec(error.message);
  if (position) return lineOfOffset(text, Number(position[1]));
  // Newer V8 messages carry no position: YAML's parser locates the same mistake.
  const doc = parseDocument(text, { prettyErrors: true });
  return doc.errors[0]?.linePos?.[0]?.line ?? null;
}

function parseStructured(file: string, text: string): SidecarResult {
  const name = baseName(file);
  const isJson = extensionOf(name) === 'json';
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (error) {
      const line = jsonSyntaxLine(text, error as Error);
      return {
        ok: false,
        message: `${name}${line ? `, line ${line}` : ''}: not valid JSON (${escapeControls(firstLine((error as Error).message))}).`,
      };
    }
  }
  const bulk = structureOverLimit(text);
  if (bulk)
    return {
      ok: false,
      message: `${name}: ${bulk}, far more than a video's details hold; is it the right file?`,
    };
  // JSON is YAML too: one parser gives both formats line numbers for field errors.
  const lineCounter = new LineCounter();
  // uniqueKeys off: yaml's own check is quadratic (200,000 keys took seconds); ours below is not.
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line;
    return {
      ok: false,
      message: `${name}${line ? `, line ${line}` : ''}: not valid YAML (${escapeControls(firstLine(firstError.message))}).`,
    };
  }
  if (!isMap(doc.contents))
    return { ok: false, message: `${name}, line 1: expected fields like "title: ..." at the top.` };
  const fields: Record<string, unknown> = {};
  const lines: Partial<Record<keyof VideoMetadata, number>> = {};
  const seen = new Set<string>();
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const rawKey = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line =
      isScalar(keyNode) && keyNode.range ? lineCounter.linePos(keyNode.range[0]).line : undefined;
    if (seen.has(rawKey))
      return {
        ok: false,
        message: `${name}${line ? `, line ${line}` : ''}: the field ${quoted(rawKey, 40)} is given twice.`,
      };
    seen.add(rawKey);
    const at = `${name}${line ? `, line ${line}` : ''}`;
    const key = (Object.hasOwn(fieldSchemas, rawKey) ? rawKey : aliases[rawKey]) as
      keyof VideoMetadata | undefined;
    if (!key)
      return {
        ok: false,
        message: `${at}: unknown field ${quoted(rawKey, 40)} (known: ${Object.keys(fieldSchemas).join(', ')}).`,
      };
    // With the document: an alias (`description: *intro`) resolves to what its anchor holds;
    // maxAliasCount stops a "billion laughs" sidecar from expanding without end.
    let value: unknown;
    try {
      value = isNode(pair.value) ? (pair.value.toJS(doc, { maxAliasCount: 100 }) ?? null) : null;
    } catch (error) {
      return {
        ok: false,
        message: `${at}, field "${key}": ${escapeControls(firstLine((error as Error).message))}.`,
      };
    }
    const parsed = z.safeParse(fieldSchemas[key], value);
    if (!parsed.success)
      return {
        ok: false,
        message: `${at}, field "${rawKey}": ${parsed.error.issues[0]?.message ?? 'invalid value'}.`,
      };
    fields[key] = parsed.data;
    if (line) lines[key] = line;
  }
  return { ok: true, fields: fields as SidecarFields, lines };
}

// A video's details fit in a few KB (a 5,000-byte description, 500 characters of tags), so
// these counts are never reached by a real sidecar; beyond them the YAML parser would spend
// seconds on a document that is refused anyway.
const MAX_TOP_LEVEL_LINES = 200;
const MAX_LIST_ITEMS = 5000;
const MAX_COMMAS = 20_000;

function structureOverLimit(text: string): string | null {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const keys = count(/^[^\s#-][^\n]*:/gm);
  if (keys > MAX_TOP_LEVEL_LINES) return `it has ${keys} top-level lines with a field name`;
  const items = count(/^\s*- /gm);
  if (items > MAX_LIST_ITEMS) return `it has ${items} list items`;
  const commas = count(/,/g);
  if (commas > MAX_COMMAS) return `it has ${commas} commas`;
  return null;
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
