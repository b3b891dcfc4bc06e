import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import {
  describeProblems,
  tagsLength,
  validateFileSize,
  validateMetadata,
  videoContentType,
} from '../../../src-main/uploads/validate-metadata.ts';

const meta = (over: Record<string, unknown>) => VideoMetadataSchema.parse({ title: 'ok', ...over });
const fields = (over: Record<string, unknown>) => validateMetadata(meta(over)).map((p) => p.field);

describe('video metadata rules', () => {
  test('a plain title passes', () => assert.deepEqual(validateMetadata(meta({})), []));
  test('title: 100 characters pass, 101 fail, counted in characters not bytes', () => {
    assert.deepEqual(fields({ title: 'é'.repeat(100) }), []);
    assert.deepEqual(fields({ title: 'a'.repeat(101) }), ['title']);
  });
  test('title and description refuse < and >', () => {
    assert.deepEqual(fields({ title: 'a <b>' }), ['title']);
    assert.deepEqual(fields({ description: 'x > y' }), ['description']);
  });
  test('description counts UTF-8 bytes: 2500 two-byte characters pass, 2501 fail', () => {
    assert.deepEqual(fields({ description: 'é'.repeat(2500) }), []);
    const problems = validateMetadata(meta({ description: 'é'.repeat(2501) }));
    assert.equal(problems[0]?.field, 'description');
    assert.match(problems[0]!.rule, /5002/);
  });
  test('tags count commas and +2 for a tag with a space', () => {
    assert.equal(tagsLength(['ab', 'cd']), 5);
    assert.equal(tagsLength(['a b']), 5);
    assert.equal(tagsLength([]), 0);
    const fifty = Array.from({ length: 50 }, () => 'abcdefghi'); // 50*9 + 49 = 499
    assert.deepEqual(fields({ tags: fifty }), []);
    assert.deepEqual(fields({ tags: [...fifty.slice(1), 'abcdefgh i'] }), ['tags']);
  });
  test('publishAt only with private', () => {
    assert.deepEqual(fields({ privacy: 'private', publishAt: '2030-01-01T00:00:00Z' }), []);
    assert.deepEqual(fields({ privacy: 'public', publishAt: '2030-01-01T00:00:00Z' }), [
      'publishAt',
    ]);
    assert.deepEqual(fields({ privacy: 'private', publishAt: 'tomorrow' }), ['publishAt']);
  });
  test('title must not be blank; each tag must be non-empty and free of < and >', () => {
    assert.deepEqual(fields({ title: '  ' }), ['title']);
    assert.deepEqual(fields({ tags: ['ok', ''] }), ['tags[1]']);
    assert.deepEqual(fields({ tags: ['<b>', 'ok'] }), ['tags[0]']);
  });
  test('categoryId must be numeric', () => {
    assert.deepEqual(fields({ categoryId: '22' }), []);
    assert.deepEqual(fields({ categoryId: 'music' }), ['categoryId']);
  });
  test('the job error wording, rule by rule', () => {
    const text = (over: Record<string, unknown>) => describeProblems(validateMetadata(meta(over)));
    assert.equal(text({ title: ' ' }), 'title is required');
    assert.equal(
      text({ title: 'a'.repeat(101) }),
      'title must be at most 100 characters (it has 101)',
    );
    assert.equal(
      text({ title: '<x>', description: 'a>b' }),
      'title must not contain < or >; description must not contain < or >',
    );
    assert.equal(
      text({ description: 'é'.repeat(2501) }),
      'description must be at most 5000 bytes in UTF-8 (it has 5002)',
    );
    assert.equal(
      text({ tags: ['x'.repeat(501)] }),
      'tags must total at most 500 characters counted as YouTube does (commas count, a tag with a space counts 2 more); they total 501',
    );
    assert.equal(
      text({ tags: [' ', '<b>'] }),
      'tags[0] must not be empty; tags[1] must not contain < or >',
    );
    assert.equal(text({ categoryId: 'x' }), 'categoryId must be a numeric YouTube category id');
    assert.equal(
      text({ privacy: 'public', publishAt: 'soon' }),
      'publishAt needs privacy "private" (it is "public"); YouTube makes the video public at that time; publishAt must be an ISO 8601 date and time',
    );
  });
  test('file size: 0 refused with a clear rule, 256 GB allowed, one more refused', () => {
    assert.match(validateFileSize(0)!.rule, /empty/);
    assert.equal(validateFileSize(1), null);
    assert.equal(validateFileSize(274_877_906_944), null);
    assert.ok(validateFileSize(274_877_906_945));
  });
  test('video type by extension', () => {
    assert.equal(videoContentType('/a/b.MP4'), 'video/mp4');
    assert.equal(videoContentType('/a/b.mxf'), 'application/octet-stream');
    assert.equal(videoContentType('/a/b.txt'), null);
    assert.equal(videoContentType('/a/noext'), null);
  });
});
