import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { languageProblem } from '../../../src-shared/domain/language.ts';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import {
  charLength,
  metadataIssues,
  metadataViolations,
  tagsLength,
  utf8Length,
  violationField,
} from '../../../src-shared/domain/metadata-limits.ts';
import { validateMetadata } from '../../../src-main/uploads/validate-metadata.ts';

const meta = (over: Record<string, unknown>) => VideoMetadataSchema.parse({ title: 'ok', ...over });

/** One value per rule, each breaking exactly that rule. */
const breaking: Record<string, Record<string, unknown>> = {
  title_empty: { title: '   ' },
  title_too_long: { title: 'a'.repeat(101) },
  title_angle_brackets: { title: 'a <b>' },
  description_too_long: { description: 'x'.repeat(5001) },
  description_angle_brackets: { description: 'a > b' },
  tags_too_long: { tags: ['x'.repeat(501)] },
  tag_empty: { tags: ['fine', ' '] },
  tag_angle_brackets: { tags: ['<b>'] },
  category_not_numeric: { categoryId: 'music' },
  publish_at_needs_private: { privacy: 'unlisted', publishAt: '2030-01-01T00:00:00Z' },
  publish_at_not_iso: { privacy: 'private', publishAt: 'next friday' },
};

describe('metadata limits (shared by watch folders and the upload engine)', () => {
  test('each rule is found on its own, and nothing on plain metadata', () => {
    assert.deepEqual(metadataViolations(meta({})), []);
    for (const [rule, over] of Object.entries(breaking))
      assert.deepEqual(
        metadataViolations(meta(over)).map((v) => v.rule),
        [rule],
        rule,
      );
  });

  test('characters are code points: 100 emoji make a valid title, 101 do not', () => {
    assert.equal(charLength('😀'), 1);
    assert.deepEqual(metadataViolations(meta({ title: '😀'.repeat(100) })), []);
    assert.deepEqual(metadataViolations(meta({ title: '😀'.repeat(101) })), [
      { rule: 'title_too_long', chars: 101 },
    ]);
  });

  test('UTF-8 bytes: 1, 2, 3 and 4 byte characters', () => {
    assert.equal(utf8Length('a'), 1);
    assert.equal(utf8Length('é'), 2);
    assert.equal(utf8Length('€'), 3);
    assert.equal(utf8Length('😀'), 4);
    assert.equal(utf8Length('aé€😀'), 10);
  });

  test('tags: commas count, a tag with a space counts 2 more, an emoji counts 1', () => {
    assert.equal(tagsLength([]), 0);
    assert.equal(tagsLength(['ab', 'cd']), 5);
    assert.equal(tagsLength(['a b']), 5);
    assert.equal(tagsLength(['😀😀']), 2);
    assert.deepEqual(metadataViolations(meta({ tags: ['x'.repeat(500)] })), []);
  });

  test('the watch folders and the engine report the same fields, each in its own words', () => {
    for (const over of Object.values(breaking)) {
      const m = meta(over);
      const issues = metadataIssues(m);
      const problems = validateMetadata(m);
      assert.deepEqual(
        issues.map((i) => i.field),
        metadataViolations(m).map(violationField),
      );
      // The engine names a single tag as tags[i]; the watch folders say "tag i+1".
      assert.deepEqual(
        problems.map((p) => p.field.replace(/\[\d+\]$/, '')),
        issues.map((i) => i.field),
      );
    }
  });

  test("the watch folders' wording", () => {
    const words = Object.fromEntries(
      Object.entries(breaking).map(([rule, over]) => [
        rule,
        metadataIssues(meta(over))[0]?.message,
      ]),
    );
    assert.deepEqual(words, {
      title_empty: 'is empty',
      title_too_long: 'is 101 characters; at most 100',
      title_angle_brackets: 'may not contain < or >',
      description_too_long: 'is 5001 bytes; at most 5000',
      description_angle_brackets: 'may not contain < or >',
      tags_too_long: 'count 501 characters together; at most 500',
      tag_empty: 'tag 2 is empty',
      tag_angle_brackets: 'tag 1 may not contain < or >',
      category_not_numeric: '"music" is not a number',
      publish_at_needs_private: 'needs privacy "private"',
      publish_at_not_iso: '"next friday" is not an ISO 8601 time',
    });
  });
});

describe('metadata limits: languages and localizations', () => {
  const loc = (title: string, description = '') => ({ title, description });

  test('each localization rule is found on its own, with the language it is about', () => {
    const m = meta({
      defaultLanguage: 'en',
      localizations: {
        de: loc('Titel'),
        xx1: loc('ok'),
        fr: loc('  '),
        es: loc('a'.repeat(101)),
        it: loc('a <b>'),
        pt: loc('ok', 'é'.repeat(2501)),
        nl: loc('ok', 'a > b'),
      },
    });
    assert.deepEqual(
      metadataViolations(m).map((v) => ({ ...v, problem: undefined })),
      [
        { rule: 'localization_language_invalid', language: 'xx1', problem: undefined },
        { rule: 'localization_title_empty', language: 'fr', problem: undefined },
        { rule: 'localization_title_too_long', language: 'es', chars: 101, problem: undefined },
        { rule: 'localization_title_angle_brackets', language: 'it', problem: undefined },
        {
          rule: 'localization_description_too_long',
          language: 'pt',
          bytes: 5002,
          problem: undefined,
        },
        { rule: 'localization_description_angle_brackets', language: 'nl', problem: undefined },
      ],
    );
    assert.deepEqual(
      metadataIssues(m).map((i) => [i.field, i.message]),
      [
        ['localizations', `xx1: ${languageProblem('xx1')}`],
        ['localizations', 'fr: title is empty'],
        ['localizations', 'es: title is 101 characters; at most 100'],
        ['localizations', 'it: title may not contain < or >'],
        ['localizations', 'pt: description is 5002 bytes; at most 5000'],
        ['localizations', 'nl: description may not contain < or >'],
      ],
    );
  });

  test('localization limits are inclusive: 100 characters and 5000 bytes pass', () => {
    const m = meta({
      defaultLanguage: 'en',
      localizations: { de: loc('😀'.repeat(100), 'é'.repeat(2500)) },
    });
    assert.deepEqual(metadataViolations(m), []);
  });

  test('localizations need a default language, which must be a real tag', () => {
    assert.deepEqual(metadataIssues(meta({ localizations: { de: loc('Titel') } })), [
      {
        field: 'defaultLanguage',
        message: 'must be set when there are localizations (YouTube refuses them otherwise)',
      },
    ]);
    assert.deepEqual(metadataIssues(meta({ defaultLanguage: ' ' })), [
      {
        field: 'defaultLanguage',
        message: 'is empty; give a BCP-47 language tag like en, de or pt-BR',
      },
    ]);
    assert.deepEqual(metadataViolations(meta({ defaultLanguage: 'pt-BR' })), []);
  });

  test('limits at their edges: 100 characters, 5000 bytes, 500 tag characters pass; one more does not', () => {
    assert.deepEqual(metadataViolations(meta({ title: 'a'.repeat(100) })), []);
    assert.deepEqual(metadataViolations(meta({ description: 'é'.repeat(2500) })), []);
    assert.deepEqual(metadataViolations(meta({ description: `${'é'.repeat(2500)}a` })), [
      { rule: 'description_too_long', bytes: 5001 },
    ]);
    assert.deepEqual(metadataViolations(meta({ tags: ['a b', 'x'.repeat(494)] })), []);
    assert.deepEqual(metadataViolations(meta({ tags: ['a b', 'x'.repeat(495)] })), [
      { rule: 'tags_too_long', chars: 501 },
    ]);
  });

  test('UTF-8 length at each encoding boundary', () => {
    assert.equal(utf8Length('\u007f'), 1);
    assert.equal(utf8Length('\u0080'), 2);
    assert.equal(utf8Length('\u07ff'), 2);
    assert.equal(utf8Length('\u0800'), 3);
    assert.equal(utf8Length('\uffff'), 3);
    assert.equal(utf8Length('\u{10000}'), 4);
    assert.equal(utf8Length(''), 0);
  });

  test('tags: three tags count two commas; a tag and its index are named from 1', () => {
    assert.equal(tagsLength(['a', 'b', 'c']), 5);
    assert.equal(tagsLength(['a b c']), 7);
    assert.deepEqual(
      metadataIssues(meta({ tags: ['ok', 'a>', ''] })).map((i) => i.message),
      ['tag 2 may not contain < or >', 'tag 3 is empty'],
    );
  });

  test('category ids are digits only; publishAt needs a full ISO date that parses', () => {
    for (const categoryId of ['22', '1'])
      assert.deepEqual(metadataViolations(meta({ categoryId })), [], categoryId);
    for (const categoryId of ['', '2a', 'a2', '2 2'])
      assert.deepEqual(
        metadataViolations(meta({ categoryId })).map((v) => v.rule),
        ['category_not_numeric'],
        categoryId,
      );
    const at = (publishAt: string) =>
      metadataViolations(meta({ privacy: 'private', publishAt })).map((v) => v.rule);
    assert.deepEqual(at('2030-01-01T00:00:00Z'), []);
    assert.deepEqual(at('2030-13-45T00:00:00Z'), ['publish_at_not_iso']);
    assert.deepEqual(at('x2030-01-01T00:00:00Z'), ['publish_at_not_iso']);
    // An expanded year parses as a date, but is not the form YouTube takes.
    assert.deepEqual(at('+012030-01-01T00:00:00Z'), ['publish_at_not_iso']);
    assert.deepEqual(at('2030-01-01'), ['publish_at_not_iso']);
    assert.deepEqual(at('30-01-01T00:00:00Z'), ['publish_at_not_iso']);
    assert.deepEqual(metadataViolations(meta({ privacy: 'public', publishAt: 'soon' })), [
      { rule: 'publish_at_needs_private', privacy: 'public' },
      { rule: 'publish_at_not_iso', publishAt: 'soon' },
    ]);
  });
});
