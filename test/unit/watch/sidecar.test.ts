import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { parseSidecar } from '../../../src-main/watch/sidecar.ts';
import { composeMetadata } from '../../../src-main/watch/compose-metadata.ts';
import { FolderTemplateSchema } from '../../../src-shared/domain/watched-folder.ts';
import {
  renderTemplate,
  templateValues,
  unknownVariables,
} from '../../../src-shared/watch/template.ts';

const values = templateValues({
  fileName: 'ep12.mp4',
  folderName: 'Season 2',
  mtimeMs: Date.UTC(2026, 0, 31, 12),
  n: 7,
});

describe('sidecar files', () => {
  test('json fields, with the API names as aliases', () => {
    const r = parseSidecar(
      'ep12.json',
      '{\n  "title": "Ep 12",\n  "tags": ["a", "b"],\n  "privacyStatus": "unlisted",\n  "categoryId": 20\n}',
    );
    assert.deepEqual(r, {
      ok: true,
      fields: { title: 'Ep 12', tags: ['a', 'b'], privacy: 'unlisted', categoryId: '20' },
      lines: { title: 2, tags: 3, privacy: 4, categoryId: 5 },
    });
  });
  test('yaml fields, tags as a comma list', () => {
    const r = parseSidecar(
      'ep12.yaml',
      'title: Ep 12\ndescription: |\n  line one\n  line two\ntags: a, b c\nmadeForKids: false\n',
    );
    assert.ok(r.ok);
    assert.deepEqual(r.fields, {
      title: 'Ep 12',
      description: 'line one\nline two\n',
      tags: ['a', 'b c'],
      madeForKids: false,
    });
  });
  test('txt: first line the title, the rest the description', () => {
    const r = parseSidecar('ep12.txt', '\nMy title\n\nFirst paragraph.\nSecond line.\n');
    assert.ok(r.ok);
    assert.deepEqual(r.fields, {
      title: 'My title',
      description: 'First paragraph.\nSecond line.',
    });
  });
  test('json syntax error names the file and the line', () => {
    const r = parseSidecar('ep12.json', '{\n  "title": "x",\n  "tags": [,]\n}');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /^ep12\.json, line 3: not valid JSON/);
  });
  test('yaml syntax error names the file and the line', () => {
    const r = parseSidecar('ep12.yaml', 'title: ok\ntags: [a, b\nprivacy: public\n');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /^ep12\.yaml, line \d: not valid YAML/);
  });
  test('a bad field value names file, line and field', () => {
    const r = parseSidecar('ep12.yaml', 'title: ok\n\nprivacy: secret\n');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /^ep12\.yaml, line 3, field "privacy": /);
  });
  test('an unknown field is refused by name', () => {
    const r = parseSidecar('ep12.json', '{"title": "x", "titel": "y"}');
    assert.match(!r.ok ? r.message : '', /unknown field "titel"/);
  });
});

describe('templates and composed metadata', () => {
  test('variables are filled in', () => {
    assert.equal(
      renderTemplate('{folder} #{n}: {filename} ({date})', values),
      'Season 2 #7: ep12 (2026-01-31)',
    );
    assert.deepEqual(unknownVariables('{filename} {nope}'), ['{nope}']);
  });
  test('the sidecar overrides the template', () => {
    const template = FolderTemplateSchema.parse({
      title: 'Ep {filename}',
      description: 'From {folder}',
      privacy: 'unlisted',
    });
    const r = composeMetadata(template, values, {
      file: 'ep12.txt',
      result: parseSidecar('ep12.txt', 'Real title'),
    });
    assert.ok(r.ok);
    assert.equal(r.metadata.title, 'Real title');
    assert.equal(r.metadata.description, '');
    assert.equal(r.metadata.privacy, 'unlisted');
  });
  test("YouTube's limits name the sidecar line", () => {
    const template = FolderTemplateSchema.parse({});
    const r = composeMetadata(template, values, {
      file: 'ep12.yaml',
      result: parseSidecar('ep12.yaml', `privacy: public\ntitle: "${'x'.repeat(101)}"\n`),
    });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /ep12\.yaml, line 2, field "title": is 101 characters/);
  });
  test('publishAt needs private', () => {
    const r = composeMetadata(FolderTemplateSchema.parse({ privacy: 'public' }), values, {
      file: 'a.json',
      result: parseSidecar('a.json', '{"publishAt": "2030-01-01T00:00:00Z"}'),
    });
    assert.match(!r.ok ? r.message : '', /field "publishAt": needs privacy "private"/);
  });
});

describe('metadata limits', () => {
  test('the description limit counts UTF-8 bytes, not characters', async () => {
    const { metadataIssues } = await import('../../../src-shared/domain/metadata-limits.ts');
    const base = {
      title: 't',
      tags: [],
      categoryId: '22',
      privacy: 'private' as const,
      publishAt: null,
      playlistId: null,
      madeForKids: false,
      containsSyntheticMedia: false,
    };
    assert.deepEqual(metadataIssues({ ...base, description: 'é'.repeat(2500) }), []);
    assert.deepEqual(
      metadataIssues({ ...base, description: 'é'.repeat(2501) }).map((i) => i.field),
      ['description'],
    );
    assert.deepEqual(
      metadataIssues({ ...base, description: '😀'.repeat(1251) }).map((i) => i.field),
      ['description'],
    );
  });
});
