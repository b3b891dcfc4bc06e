// The engine's wording for the language rules and the file checks: what a failed job and the
// CLI say, field by field.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import {
  describeProblems,
  limits,
  validateFileSize,
  validateMetadata,
  videoContentType,
} from '../../../src-main/uploads/validate-metadata.ts';

const meta = (over: Record<string, unknown>) => VideoMetadataSchema.parse({ title: 'ok', ...over });

describe('language rules', () => {
  test('localizations without a default language', () => {
    assert.deepEqual(validateMetadata(meta({ localizations: { de: { title: 'Hallo' } } })), [
      {
        field: 'defaultLanguage',
        rule: 'must be set when there are localizations (YouTube refuses them otherwise)',
      },
    ]);
  });

  test('a malformed default language names the field', () => {
    const [problem] = validateMetadata(meta({ defaultLanguage: 'not a language!' }));
    assert.equal(problem?.field, 'defaultLanguage');
    assert.ok(problem && problem.rule.length > 0);
  });

  test('each localization rule is named by its language, without repeating it', () => {
    const problems = validateMetadata(
      meta({
        defaultLanguage: 'en',
        localizations: {
          de: { title: ' ' },
          fr: { title: 'x'.repeat(101), description: 'a <b>' },
          es: { title: 'a > b', description: 'é'.repeat(2501) },
        },
      }),
    );
    assert.deepEqual(problems, [
      { field: 'localizations.de', rule: 'title is empty' },
      { field: 'localizations.fr', rule: 'title is 101 characters; at most 100' },
      { field: 'localizations.fr', rule: 'description may not contain < or >' },
      { field: 'localizations.es', rule: 'title may not contain < or >' },
      { field: 'localizations.es', rule: 'description is 5002 bytes; at most 5000' },
    ]);
  });

  test('a malformed localization language', () => {
    const [problem] = validateMetadata(
      meta({ defaultLanguage: 'en', localizations: { 'x!': { title: 'T' } } }),
    );
    assert.equal(problem?.field, 'localizations.x!');
    assert.ok(problem && !problem.rule.startsWith('x!'), problem?.rule);
  });
});

describe('file checks', () => {
  test('the size rules, word for word', () => {
    assert.deepEqual(validateFileSize(0), {
      field: 'file',
      rule: 'is empty (0 bytes); there is nothing to upload',
    });
    assert.deepEqual(validateFileSize(limits.maxFileBytes + 1), {
      field: 'file',
      rule: `is ${limits.maxFileBytes + 1} bytes; YouTube accepts at most ${limits.maxFileBytes} bytes (256 GB)`,
    });
  });

  test('the content type of each video kind; anything else YouTube takes as octet-stream', () => {
    const types: Record<string, string | null> = {
      'a.mp4': 'video/mp4',
      'a.M4V': 'video/mp4',
      'a.mov': 'video/quicktime',
      'a.webm': 'video/webm',
      'a.mkv': 'video/x-matroska',
      'a.avi': 'video/x-msvideo',
      'a.wmv': 'application/octet-stream',
      'a.3gpp': 'application/octet-stream',
      'a.prores': 'application/octet-stream',
      'a.m2ts': 'application/octet-stream',
      'a.mp4.txt': null,
      mp4: null,
      'a.': null,
      'a.mp-4': null,
      'a.toString': null,
    };
    for (const [file, type] of Object.entries(types))
      assert.equal(videoContentType(`/videos/${file}`), type, file);
  });

  test('every extension YouTube lists is a video', () => {
    for (const ext of [
      'mp4',
      'm4v',
      'mov',
      'mkv',
      'webm',
      'avi',
      'wmv',
      'flv',
      'mpg',
      'mpeg',
      'mpeg4',
      '3gp',
      '3gpp',
      'mts',
      'm2ts',
      'ts',
      'ogv',
      'dnxhd',
      'prores',
      'cineform',
      'hevc',
      'vob',
      'mxf',
    ])
      assert.notEqual(videoContentType(`/v/clip.${ext}`), null, ext);
  });

  test('problems are joined field first, one after another', () => {
    assert.equal(
      describeProblems([
        { field: 'a', rule: 'is wrong' },
        { field: 'b', rule: 'too' },
      ]),
      'a is wrong; b too',
    );
    assert.equal(describeProblems([]), '');
  });
});
