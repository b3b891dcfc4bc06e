import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { pairFiles } from '../../../src-shared/watch/pairing.ts';

// The exact answers (rule, reasons, captions, leftovers) behind the table in pairing.test.ts.
const only = (files: string[], opts?: Parameters<typeof pairFiles>[1]) => {
  const result = pairFiles(files, opts);
  return result.videos.map((v) => v.thumbnail);
};

describe('pairing: which rule paired, and why not', () => {
  test('each rule says its name', () => {
    assert.deepEqual(only(['a.mp4', 'a.jpg']), [
      { kind: 'paired', image: 'a.jpg', rule: 'same-name' },
    ]);
    assert.deepEqual(only(['a.mp4', 'a cover.jpg']), [
      { kind: 'paired', image: 'a cover.jpg', rule: 'suffix' },
    ]);
    assert.deepEqual(only(['d/v.mp4', 'd/x.png']), [
      { kind: 'paired', image: 'd/x.png', rule: 'folder' },
    ]);
    assert.deepEqual(only(['My Trip to Paris.mp4', 'my-trip-to-paris-final.jpg']), [
      { kind: 'paired', image: 'my-trip-to-paris-final.jpg', rule: 'similar' },
    ]);
    assert.deepEqual(only(['a.mp4', 'x.jpg'], { overrides: new Map([['a.mp4', 'x.jpg']]) }), [
      { kind: 'paired', image: 'x.jpg', rule: 'manual' },
    ]);
  });

  test('every thumbnail word with every separator is a suffix, in any case', () => {
    for (const word of ['thumbnail', 'thumb', 'cover', 'poster', 'preview'])
      for (const sep of ['_', '-', '.', ' ']) {
        const image = `ep1${sep}${word.toUpperCase()}.jpg`;
        assert.deepEqual(
          only(['ep1.mp4', image, 'other.png']),
          [{ kind: 'paired', image, rule: 'suffix' }],
          image,
        );
      }
    // The suffix alone is no name to match, and a word without a separator is not a suffix.
    assert.deepEqual(
      only(['_thumb.mp4', '_thumb.jpg', 'z.png']).map((t) => t.kind),
      ['paired'],
    );
    assert.deepEqual(only(['x.mp4', '_thumb.jpg', 'z.png']), [{ kind: 'none' }]);
    assert.deepEqual(only(['ep1.mp4', 'ep1thumb.jpg', 'z.png']), [{ kind: 'none' }]);
  });

  test('ambiguity reasons name the files', () => {
    assert.deepEqual(only(['ep12.mp4', 'ep12.jpg', 'ep12.png']), [
      {
        kind: 'ambiguous',
        candidates: ['ep12.jpg', 'ep12.png'],
        reason: '2 images match ep12.mp4 by name.',
      },
    ]);
    assert.deepEqual(only(['show/ep12.mp4', 'show/ep12.mov', 'show/ep12.jpg']), [
      {
        kind: 'ambiguous',
        candidates: ['show/ep12.jpg'],
        reason: 'ep12.jpg matches ep12.mp4 and ep12.mov.',
      },
      {
        kind: 'ambiguous',
        candidates: ['show/ep12.jpg'],
        reason: 'ep12.jpg matches ep12.mp4 and ep12.mov.',
      },
    ]);
    assert.deepEqual(only(['trip/v.mp4', 'trip/a.jpg', 'trip/b.jpg', 'trip/c.jpg']), [
      {
        kind: 'ambiguous',
        candidates: ['trip/a.jpg', 'trip/b.jpg', 'trip/c.jpg'],
        reason: '3 images sit next to v.mp4 and none is named after it.',
      },
    ]);
    const [similar] = only(['paris vlog.mp4', 'paris vlog b.jpg', 'paris vlog a.jpg']);
    assert.equal(similar?.kind, 'ambiguous');
    assert.equal(
      similar?.kind === 'ambiguous' && similar.reason,
      'Several images have names close to paris vlog.mp4.',
    );
  });

  test('an override keeps its video out of a shared claim; the other video still pairs', () => {
    const overrides = new Map([['ep12.mov', 'ep12.jpg']]);
    assert.deepEqual(only(['ep12.mp4', 'ep12.mov', 'ep12.jpg'], { overrides }), [
      {
        kind: 'ambiguous',
        candidates: ['ep12.jpg'],
        reason: 'ep12.jpg matches ep12.mp4 and ep12.mov.',
      },
      { kind: 'paired', image: 'ep12.jpg', rule: 'manual' },
    ]);
  });

  test('an image taken by name is not offered to the similar-name or folder rule', () => {
    assert.deepEqual(only(['d/ep1 paris.mp4', 'd/ep1 paris.jpg']), [
      { kind: 'paired', image: 'd/ep1 paris.jpg', rule: 'same-name' },
    ]);
    assert.deepEqual(
      only(['d/a.mp4', 'd/b.mp4', 'd/a.jpg', 'd/b_thumb.png']).map(
        (t) => t.kind === 'paired' && t.rule,
      ),
      ['same-name', 'suffix'],
    );
    // The one video of a folder that already took its image by name leaves the other image unused.
    const r = pairFiles(['d/v.mp4', 'd/v.jpg', 'd/logo.png']);
    assert.deepEqual(r.videos[0]?.thumbnail, {
      kind: 'paired',
      image: 'd/v.jpg',
      rule: 'same-name',
    });
    assert.deepEqual(r.unusedImages, ['d/logo.png']);
  });
});

describe('pairing: similar names', () => {
  test('the threshold is inclusive and configurable', () => {
    const files = ['holiday in rome.mp4', 'holiday in rom.jpg'];
    assert.equal(only(files)[0]?.kind, 'paired');
    assert.equal(only(files, { similarityThreshold: 0.99 })[0]?.kind, 'none');
    assert.equal(only(['abcd.mp4', 'abce.jpg'], { similarityThreshold: 2 / 3 })[0]?.kind, 'paired');
    assert.equal(only(['abcd.mp4', 'abce.jpg'])[0]?.kind, 'none');
  });

  test('the best candidate must beat the runner-up by the margin', () => {
    const files = ['paris vlog day.mp4', 'paris vlog days.jpg', 'paris vlog dax.jpg'];
    assert.equal(only(files)[0]?.kind, 'ambiguous');
    assert.deepEqual(only(files, { similarityMargin: 0.03 })[0], {
      kind: 'paired',
      image: 'paris vlog days.jpg',
      rule: 'similar',
    });
  });

  test('an image close to two videos goes to neither', () => {
    const r = only(['paris vlog one.mp4', 'paris vlog ones.mp4', 'paris vlog one x.jpg']);
    assert.deepEqual(
      r.map((t) => t.kind),
      ['ambiguous', 'ambiguous'],
    );
    // A far-off second video is no rival.
    const far = only(['paris vlog one.mp4', 'tokyo.mp4', 'paris vlog one x.jpg']);
    assert.deepEqual(
      far.map((t) => t.kind),
      ['paired', 'none'],
    );
  });

  test('candidates of an ambiguous similar match are listed best first', () => {
    const [t] = only(['paris vlog.mp4', 'paris vlog b.jpg', 'paris vlog bb.jpg']);
    assert.deepEqual(t?.kind === 'ambiguous' && t.candidates, [
      'paris vlog b.jpg',
      'paris vlog bb.jpg',
    ]);
  });

  test('a huge flat folder skips the similar-name rule but still pairs by name', () => {
    const videos = Array.from({ length: 502 }, (_, i) => `clip number ${i}.mp4`);
    const images = Array.from({ length: 500 }, (_, i) => `clip number ${i} x.jpg`);
    const r = pairFiles([...videos, ...images, 'clip number 0.jpg']);
    assert.equal(r.videos.length, 502);
    assert.deepEqual(r.videos[0]?.thumbnail, {
      kind: 'paired',
      image: 'clip number 0.jpg',
      rule: 'same-name',
    });
    assert.ok(r.videos.slice(1).every((v) => v.thumbnail.kind === 'none'));
  });
});

describe('pairing: sidecars, captions and what is left', () => {
  test('sidecars: by stem or by full name, ambiguous when both exist, and the reason names them', () => {
    const [a, b, c] = pairFiles([
      'd/A.mp4',
      'd/a.yaml',
      'd/b.mp4',
      'd/b.mp4.json',
      'd/b.txt',
      'd/c.mp4',
    ]).videos;
    assert.deepEqual(a?.sidecar, { kind: 'found', path: 'd/a.yaml' });
    assert.deepEqual(b?.sidecar, {
      kind: 'ambiguous',
      candidates: ['d/b.txt', 'd/b.mp4.json'],
      reason: 'b.txt and b.mp4.json all describe b.mp4: keep one.',
    });
    assert.deepEqual(c?.sidecar, { kind: 'none' });
  });

  test('captions named after the video, with or without a language, in the same folder only', () => {
    const [v] = pairFiles([
      'd/ep1.mp4',
      'd/ep1.srt',
      'd/EP1.en.vtt',
      'd/ep1.pt-BR.sbv',
      'd/ep10.srt',
      'e/ep1.de.srt',
      'd/notes.txt',
    ]).videos;
    assert.deepEqual(v?.captions, [
      { path: 'd/ep1.srt', language: null },
      { path: 'd/EP1.en.vtt', language: 'en' },
      { path: 'd/ep1.pt-BR.sbv', language: 'pt-BR' },
    ]);
  });

  test('other files are ignored; unused images are listed per folder in order', () => {
    const r = pairFiles([
      'b/logo.png',
      'a/v.mp4',
      'a/v.jpg',
      'a/still.webp',
      'a/readme.pdf',
      'b/x.jpeg',
    ]);
    assert.deepEqual(r.unusedImages, ['b/logo.png', 'b/x.jpeg', 'a/still.webp']);
    assert.deepEqual(
      r.videos.map((v) => v.video),
      ['a/v.mp4'],
    );
    assert.deepEqual(pairFiles([]), { videos: [], unusedImages: [] });
  });
});
