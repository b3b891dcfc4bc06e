import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { jsonSyntaxLine, parseFieldMap } from '../../../src-shared/watch/field-map.ts';

const schemas = {
  title: z.string(),
  tags: z.array(z.string()),
  size: z.nullable(z.number()),
  extra: z.object({ a: z.string() }),
  deep: z.object({ a: z.array(z.string()) }),
};
const aliases = { name: 'title' } as const;
const parse = (file: string, text: string) =>
  parseFieldMap<keyof typeof schemas>(file, text, schemas, aliases);
const messageOf = (file: string, text: string): string => {
  const result = parse(file, text);
  assert.equal(result.ok, false, `${file} was accepted`);
  return result.ok ? '' : result.message;
};

test('known fields are checked and returned with the line each starts on; aliases map onto fields', () => {
  assert.deepEqual(parse('dir/ep.yaml', '# hi\nname: Trip\n\ntags: [a, b]\nsize:\n'), {
    ok: true,
    fields: { title: 'Trip', tags: ['a', 'b'], size: null },
    lines: { title: 2, tags: 4, size: 5 },
  });
  assert.deepEqual(parse('ep.json', '{"size": 3,\n "extra": {"a": "x"}}'), {
    ok: true,
    fields: { size: 3, extra: { a: 'x' } },
    lines: { size: 1, extra: 2 },
  });
});

test('a JSON mistake names the file and its line; an early end is found by the YAML parser', () => {
  assert.equal(
    messageOf('/x/ep.json', '{\n"title": "a",\n}'),
    'ep.json, line 3: not valid JSON (Expected double-quoted property name in JSON at position 16 (line 3 column 1)).',
  );
  assert.equal(
    messageOf('ep.json', '{\n"title":'),
    'ep.json, line 2: not valid JSON (Unexpected end of JSON input).',
  );
  assert.equal(messageOf('ep.json', ''), 'ep.json: not valid JSON (Unexpected end of JSON input).');
});

test('YAML mistakes name their line, and only the first line of the message is kept', () => {
  const message = messageOf('ep.yaml', 'title: a\ntags: [a, b\n');
  assert.match(message, /^ep\.yaml, line \d: not valid YAML \([^\n]+\)\.$/);
  assert.doesNotMatch(message, /\n/);
});

test('a document that is not a map says what is expected', () => {
  for (const text of ['- a\n- b\n', 'just text', ''])
    assert.equal(
      messageOf('ep.yaml', text),
      'ep.yaml, line 1: expected fields like "title: ..." at the top.',
    );
});

test('a field given twice, also through its alias, is refused at its second line', () => {
  assert.equal(
    messageOf('ep.yaml', 'title: a\ntitle: b\n'),
    'ep.yaml, line 2: the field "title" is given twice.',
  );
  assert.equal(
    messageOf('ep.yaml', 'size: 1\n\n"size": 2\n'),
    'ep.yaml, line 3: the field "size" is given twice.',
  );
});

test('an unknown field lists the known ones; an inherited name is unknown too', () => {
  assert.equal(
    messageOf('ep.yaml', 'title: a\ntitel: b\n'),
    'ep.yaml, line 2: unknown field "titel" (known: title, tags, size, extra, deep).',
  );
  assert.match(
    messageOf('ep.yaml', 'constructor: x\n'),
    /^ep\.yaml, line 1: unknown field "constructor"/,
  );
  // A key that is not a scalar (a YAML list) has no line of its own to name.
  assert.match(
    messageOf('ep.yaml', '? [a]\n: x\n'),
    /^ep\.yaml: unknown field "\[\\"a\\"\]" \(known/,
  );
});

test('a wrong value names the field, and the path inside it', () => {
  assert.equal(
    messageOf('ep.yaml', 'title: 5\n'),
    'ep.yaml, line 1, field "title": Invalid input.',
  );
  assert.equal(
    messageOf('ep.yaml', 'tags:\n  - a\n  - 3\n'),
    'ep.yaml, line 1, field "tags.1": Invalid input.',
  );
  assert.match(messageOf('ep.yaml', 'name: [x]\n'), /^ep\.yaml, line 1, field "name": /);
});

test('aliases resolve to what their anchor holds; an unset anchor and an alias bomb are refused by field', () => {
  assert.deepEqual(parse('ep.yaml', 'title: &t Trip\ntags: [*t, b]\n'), {
    ok: true,
    fields: { title: 'Trip', tags: ['Trip', 'b'] },
    lines: { title: 1, tags: 2 },
  });
  assert.equal(
    messageOf('ep.yaml', 'title: x\ntags: [*t]\n'),
    'ep.yaml, line 2, field "tags": Unresolved alias (the anchor must be set before the alias): t.',
  );
  const tens = (alias: string) => `[${Array(10).fill(alias).join(', ')}]`;
  const bomb = `tags: [&a [x, x, x, x, x, x, x, x, x, x], &b ${tens('*a')}, &c ${tens('*b')}, ${tens('*c')}]\n`;
  assert.equal(
    messageOf('ep.yaml', bomb),
    'ep.yaml, line 1, field "tags": Excessive alias count indicates a resource exhaustion attack.',
  );
});

test('files far bigger than any video details are refused before parsing', () => {
  const keys = Array.from({ length: 201 }, (_, i) => `k${i}: v`).join('\n');
  assert.equal(
    messageOf('ep.yaml', keys),
    "ep.yaml: it has 201 top-level lines with a field name, far more than a video's details hold; is it the right file?",
  );
  assert.match(
    messageOf('ep.yaml', `title: x\ntags:\n${'- t\n'.repeat(5001)}`),
    /: it has 5001 list items,/,
  );
  assert.match(messageOf('ep.yaml', `title: "${','.repeat(20_001)}"`), /: it has 20001 commas,/);
  // At the limits themselves a file is parsed (and then judged by its fields).
  // Comments, indented lines and list items are not top-level field lines.
  const at = Array.from({ length: 199 }, (_, i) => `k${i}: v`).join('\n');
  const more = '# a: b\nextra:\n  a: b\n';
  assert.equal(
    messageOf('ep.yaml', `${at}\n${more}`),
    'ep.yaml, line 1: unknown field "k0" (known: title, tags, size, extra, deep).',
  );
  const items = parse('ep.yaml', `tags:\n${'- t\n'.repeat(5000)}`);
  assert.equal(items.ok && (items.fields.tags as string[]).length, 5000);
  const commas = parse('ep.yaml', `title: "${','.repeat(20_000)}"`);
  assert.equal(commas.ok && (commas.fields.title as string).length, 20_000);
});

test('the JSON error line: said outright, else counted from the position, else found by YAML', () => {
  const text = 'a\nb\nc';
  assert.equal(jsonSyntaxLine(text, new Error('Bad thing at position 3 (line 12 column 1)')), 12);
  assert.equal(jsonSyntaxLine(text, new Error('Unexpected token in JSON at position 4')), 3);
  assert.equal(jsonSyntaxLine(text, new Error('Unexpected token in JSON at position 40')), 3);
  assert.equal(jsonSyntaxLine('a\n', new Error('at position 1')), 1);
  assert.equal(jsonSyntaxLine('a\n', new Error('at position 0')), 1);
  assert.equal(jsonSyntaxLine('{\n"a":', new Error('Unexpected end of JSON input')), 2);
  assert.equal(jsonSyntaxLine('{}', new Error('Unexpected end of JSON input')), null);
});

test('messages quote only the first 200 characters of the first line of a parser message', () => {
  const name = 'n'.repeat(300);
  const message = messageOf('ep.yaml', `title: x\ntags: [*${name}]\n`);
  assert.equal(
    message,
    `ep.yaml, line 2, field "tags": ${'Unresolved alias (the anchor must be set before the alias): '}${name}`.slice(
      0,
      'ep.yaml, line 2, field "tags": '.length + 200,
    ) + '.',
  );
});

test('a wrong value deep inside a field names the whole path', () => {
  assert.equal(
    messageOf('ep.yaml', 'deep:\n  a: [x, 5]\n'),
    'ep.yaml, line 1, field "deep.a.1": Invalid input.',
  );
});

test('list items are counted only where a line starts with "- "', () => {
  // Dashes inside text are not list items, nor is a word followed by a dash.
  const inText = parse('ep.yaml', `title: "${'a - '.repeat(5001)}"\n`);
  assert.equal(inText.ok, true);
  assert.doesNotMatch(messageOf('ep.yaml', `title: x\n${'a- b\n'.repeat(5001)}`), /list items/);
  assert.match(
    messageOf('ep.yaml', `tags:\n${'    - t\n'.repeat(5001)}`),
    /it has 5001 list items/,
  );
});

test('a position of several digits is read whole', () => {
  assert.equal(
    jsonSyntaxLine('a\n'.repeat(10), new Error('Unexpected token in JSON at position 12')),
    7,
  );
});
