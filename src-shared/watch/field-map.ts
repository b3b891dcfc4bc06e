import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import * as z from 'zod/mini';
import { baseName, extensionOf } from './file-kinds.ts';

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
        message: `${name}${line ? `, line ${line}` : ''}: not valid JSON (${(error as Error).message.split('\n')[0]}).`,
      };
    }
  }
  // JSON is YAML too: one parser gives both formats line numbers for field errors.
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line;
    return {
      ok: false,
      message: `${name}${line ? `, line ${line}` : ''}: not valid YAML (${firstError.message.split('\n')[0]}).`,
    };
  }
  if (!isMap(doc.contents))
    return { ok: false, message: `${name}, line 1: expected fields like "title: ..." at the top.` };
  const fields: Partial<Record<K, unknown>> = {};
  const lines: Partial<Record<K, number>> = {};
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const rawKey = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line =
      isScalar(keyNode) && keyNode.range ? lineCounter.linePos(keyNode.range[0]).line : undefined;
    const at = `${name}${line ? `, line ${line}` : ''}`;
    const key = (Object.hasOwn(schemas, rawKey) ? rawKey : aliasOf[rawKey]) as K | undefined;
    if (!key)
      return {
        ok: false,
        message: `${at}: unknown field "${rawKey}" (known: ${Object.keys(schemas).join(', ')}).`,
      };
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
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
