// When a token is refreshed ahead of expiry: a margin plus jitter before it, never before half
// its life.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { refreshAtFor } from '../../../src-main/channels/backoff.ts';

const min = 60_000;

describe('refreshAtFor', () => {
  test('an hour token: 5 minutes plus the jitter drawn before expiry', () => {
    assert.equal(
      refreshAtFor(1000, 60 * min, 5 * min, min, () => 0),
      1000 + 55 * min,
    );
    assert.equal(
      refreshAtFor(1000, 60 * min, 5 * min, min, () => 0.5),
      1000 + 54.5 * min,
    );
    assert.equal(
      refreshAtFor(1000, 60 * min, 5 * min, min, () => 1),
      1000 + 54 * min,
    );
  });

  test('a short token is refreshed at half its life, not the moment it arrives', () => {
    assert.equal(
      refreshAtFor(0, 6 * min, 5 * min, min, () => 0.5),
      3 * min,
    );
    assert.equal(
      refreshAtFor(500, min, 5 * min, 0, () => 0),
      500 + 30_000,
    );
  });

  test('the jitter comes from Math.random when none is given', () => {
    const at = refreshAtFor(0, 60 * min, 5 * min, min);
    assert.ok(at > 54 * min && at <= 55 * min, `${at}`);
  });
});
