import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import {
  checkChapters,
  chapterWarning,
  parseChapters,
} from '../../../src-shared/publishing/chapters.ts';
import { metadataWarnings } from '../../../src-shared/publishing/warnings.ts';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';

const lines = (...l: string[]) => l.join('\n');

describe('chapters as YouTube reads them from the description', () => {
  test('0:00, at least three, ascending, each 10 s or more: chapters', () => {
    const check = checkChapters(lines('My video', '', '0:00 Intro', '0:42 Why', '1:02:03 - Outro'));
    assert.equal(check.kind, 'ok');
    assert.deepEqual(
      parseChapters(lines('0:00 Intro', '00:10 Next', '• 1:00:00 Last')).map((c) => c.seconds),
      [0, 10, 3600],
    );
  });

  test('no timestamps: nothing to say', () => {
    assert.equal(
      checkChapters('Just a description, costs 5:00 euro? no, at line start only').kind,
      'none',
    );
    assert.equal(chapterWarning('plain text'), null);
  });

  test('the first must be 0:00: the warning names its line', () => {
    const w = chapterWarning(lines('Intro text', '0:05 Start', '1:00 Middle', '2:00 End'));
    assert.equal(
      w,
      'Chapters in the description will not show: line 2: the first chapter starts at 0:05; YouTube needs the first at 0:00.',
    );
  });

  test('fewer than three', () => {
    assert.match(
      chapterWarning(lines('0:00 Start', '1:00 End'))!,
      /line 2: only 2 timestamps; YouTube needs at least 3/,
    );
  });

  test('a chapter under 10 seconds names the line after it', () => {
    assert.match(
      chapterWarning(lines('0:00 Start', '0:09 Too soon', '1:00 End'))!,
      /line 2: the chapter at 0:00 \(line 1\) lasts 9 s; each must last at least 10 s/,
    );
  });

  test('out of order', () => {
    assert.match(
      chapterWarning(lines('0:00 A', '2:00 B', '1:00 C', '3:00 D'))!,
      /line 3: 1:00 does not come after 2:00 \(line 2\)/,
    );
  });

  test('localized descriptions are checked too; a warning, never a refusal', () => {
    const m = VideoMetadataSchema.parse({
      title: 't',
      description: lines('0:00 A', '0:30 B', '1:00 C'),
      defaultLanguage: 'en',
      localizations: { de: { title: 'T', description: lines('0:03 A', '0:30 B', '1:00 C') } },
    });
    assert.deepEqual(metadataWarnings(m), [
      'Chapters in the de description will not show: line 1: the first chapter starts at 0:03; YouTube needs the first at 0:00.',
    ]);
  });
});
