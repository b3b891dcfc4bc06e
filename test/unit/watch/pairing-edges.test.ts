import { test } from 'vitest';
import assert from 'node:assert/strict';
import { pairFiles } from '../../../src-shared/watch/pairing.ts';
import { nameSimilarity } from '../../../src-shared/watch/similarity.ts';

// Names whose similarities are exact binary fractions (0.875 and 0.75), so the comparisons
// at the margin and the threshold can be tested for equality.
const IMAGE = 'abcdefghj.jpg';
const BEST = 'abcdefghi.mp4'; // 0.875 to the image
const NEXT = 'abcdefgxy.mp4'; // 0.75 to the image
const thumbs = (files: string[], opts?: Parameters<typeof pairFiles>[1]) =>
  pairFiles(files, opts).videos.map((v) => v.thumbnail);

test('the fixture names score what the comments say', () => {
  assert.equal(nameSimilarity('abcdefghi', 'abcdefghj'), 0.875);
  assert.equal(nameSimilarity('abcdefgxy', 'abcdefghj'), 0.75);
});

test('a rival video at exactly the best score minus the margin makes the match ambiguous', () => {
  const [best, next] = thumbs([BEST, NEXT, IMAGE], { similarityMargin: 0.125 });
  assert.equal(best?.kind, 'ambiguous');
  assert.equal(next?.kind, 'ambiguous');
});

test('a rival below the best score minus the margin does not, even at the threshold', () => {
  // 0.75 is the threshold, under 0.875 - 0.1: the best video wins; the weaker one is still ambiguous.
  const [best, next] = thumbs([BEST, NEXT, IMAGE]);
  assert.deepEqual(best, { kind: 'paired', image: IMAGE, rule: 'similar' });
  assert.equal(next?.kind, 'ambiguous');
});

test('a runner-up image at exactly the best score minus the margin makes it ambiguous', () => {
  const files = ['abcdefghj.mp4', 'abcdefghi.jpg', 'abcdefgxy.jpg'];
  assert.equal(thumbs(files, { similarityMargin: 0.125 })[0]?.kind, 'ambiguous');
  assert.deepEqual(thumbs(files)[0], { kind: 'paired', image: 'abcdefghi.jpg', rule: 'similar' });
});

test('the best image wins wherever it is listed, and candidates are listed best first', () => {
  assert.deepEqual(thumbs(['paris vlog day.mp4', 'paris vlog.jpg', 'paris vlog days.jpg'])[0], {
    kind: 'paired',
    image: 'paris vlog days.jpg',
    rule: 'similar',
  });
  const [t] = thumbs(['paris vlog.mp4', 'paris vlog bb.jpg', 'paris vlog b.jpg']);
  assert.deepEqual(t?.kind === 'ambiguous' && t.candidates, [
    'paris vlog b.jpg',
    'paris vlog bb.jpg',
  ]);
});

test('an image taken by name is offered to no other video', () => {
  assert.deepEqual(thumbs(['paris vlog.mp4', 'paris vlogs.mp4', 'paris vlog.jpg']), [
    { kind: 'paired', image: 'paris vlog.jpg', rule: 'same-name' },
    { kind: 'none' },
  ]);
});

test('the folder rule needs the folder to hold one video, not one video left over', () => {
  assert.deepEqual(thumbs(['d/a.mp4', 'd/a.jpg', 'd/b.mp4', 'd/x.png']), [
    { kind: 'paired', image: 'd/a.jpg', rule: 'same-name' },
    { kind: 'none' },
  ]);
});

test('"no thumbnail" chosen by hand is no thumbnail, not a pairing with nothing', () => {
  assert.deepEqual(thumbs(['ep1.mp4', 'ep1.jpg'], { overrides: new Map([['ep1.mp4', null]]) }), [
    { kind: 'none' },
  ]);
});

test('files that are neither videos, images, sidecars nor captions are not sidecars', () => {
  const [v] = pairFiles(['ep1.mp4', 'ep1.pdf', 'ep1.mp4.part', 'ep1.zip']).videos;
  assert.deepEqual(v?.sidecar, { kind: 'none' });
  assert.deepEqual(v?.captions, []);
});

test('one-letter names equal after normalizing score 1', () => {
  assert.equal(nameSimilarity('x', 'X_thumb'), 1);
});
