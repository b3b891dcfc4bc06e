import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
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
