import { test } from 'vitest';
import assert from 'node:assert/strict';
import { nameSimilarity, normalizeForSimilarity } from '../../../src-shared/watch/similarity.ts';

test('normalizing lowercases, folds every separator and drops thumbnail words', () => {
  assert.equal(
    normalizeForSimilarity(
      'My_Trip-to.Paris (Final) [4K]  thumb Cover POSTER art image img thumbnail',
    ),
    'my trip to paris final 4k',
  );
  assert.equal(normalizeForSimilarity('__--..'), '');
  assert.equal(normalizeForSimilarity('thumbs'), 'thumbs');
});

test('the Dice coefficient over bigrams, counting repeated bigrams once per pair', () => {
  assert.equal(nameSimilarity('night', 'nacht'), 0.25);
  assert.equal(nameSimilarity('aaaa', 'aa'), 0.5);
  assert.equal(nameSimilarity('ab', 'abab'), 0.5);
  assert.equal(nameSimilarity('abc', 'xyz'), 0);
});

test('names equal after normalizing score 1, empty ones 0', () => {
  assert.equal(nameSimilarity('Trip_Thumb', 'trip'), 1);
  assert.equal(nameSimilarity('', 'trip'), 0);
  assert.equal(nameSimilarity('trip', 'cover'), 0);
  assert.equal(nameSimilarity('thumb', 'thumb'), 0);
});

test('different numbers score 0; the same numbers with leading zeros do not differ', () => {
  assert.equal(nameSimilarity('vlog ep12 paris', 'vlog ep13 paris'), 0);
  assert.equal(nameSimilarity('vlog 1 2', 'vlog 12'), 0);
  assert.ok(nameSimilarity('vlog ep012 paris', 'vlog ep12 paris x') > 0.8);
});

test('one-letter names count as one bigram, never divide by zero', () => {
  assert.equal(nameSimilarity('a', 'b'), 0);
  assert.equal(nameSimilarity('ab', 'abc'), 2 / 3);
});
