import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import * as z from 'zod/mini';
import { escapeControls, quoted } from '../text/quote.ts';
import { baseName, extensionOf } from './file-kinds.ts';

const firstLine = (text: string): string => (text.split('\n')[0] ?? '').slice(0, 200);

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line a JSON.parse error points at. Node 24's V8 says "(line N column M)"; older engines
 * (Node 20's) give only "at position N", and some messages neither. Exported for its test.
 */
export function jsonSyntaxLine(text: string, error: Error): number | null {
  const explicit = /line (\d+)/.exec(error.message);
  if (explicit) return Number(explicit[1]);
  const position = /position (\d+)/.exec(error.message);
  if (position) return lineOfOffset(text, Number(position[1]));
  // Newer V8 messages carry no position: YAML's parser locates the same mistake.
  const doc = parseDocument(text, { prettyErrors: true });
  return doc.errors[0]?.linePos?.[0]?.line ?? null;
}

export type FieldMapResult<K extends string> =
  | { ok: true; fields: Partial<Record<K, unknown>>; lines: Partial<Record<K, number>> }
  | { ok: false; message: string };

/**
 * A YAML (or JSON) map of known fields, each checked by its schema; every
 * problem names the file, the line and the field.
 */
export function parseFieldMap<K extends string>(
  file: string,
  text: string,
  schemas: Record<K, z.core.$ZodType>,
  aliasOf: Record<string, K> = {},
): FieldMapResult<K> {
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
  const fields: Partial<Record<K, unknown>> = {};
  const lines: Partial<Record<K, number>> = {};
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
    // Own keys only: "constructor" or "toString" must be unknown fields, not Object's methods.
    const key = Object.hasOwn(schemas, rawKey)
      ? (rawKey as K)
      : Object.hasOwn(aliasOf, rawKey)
        ? aliasOf[rawKey]
        : undefined;
    if (!key)
      return {
        ok: false,
        message: `${at}: unknown field ${quoted(rawKey, 40)} (known: ${Object.keys(schemas).join(', ')}).`,
      };
    // With the document: an alias (`description: *intro`) resolves to what its anchor holds;
    // maxAliasCount stops a "billion laughs" file from expanding without end.
    let value: unknown;
    try {
      value = isNode(pair.value) ? (pair.value.toJS(doc, { maxAliasCount: 100 }) ?? null) : null;
    } catch (error) {
      return {
        ok: false,
        message: `${at}, field "${key}": ${escapeControls(firstLine((error as Error).message))}.`,
      };
    }
    const parsed = z.safeParse(schemas[key] as z.core.$ZodType, value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.length ? `${rawKey}.${issue.path.join('.')}` : rawKey;
      return {
        ok: false,
        message: `${at}, field "${path}": ${issue?.message ?? 'invalid value'}.`,
      };
    }
    fields[key] = parsed.data;
    if (line) lines[key] = line;
  }
  return { ok: true, fields, lines };
}

// A video's details fit in a few KB (a 5,000-byte description, 500 characters of tags), so
// these counts are never reached by a real file; beyond them the YAML parser would spend
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
