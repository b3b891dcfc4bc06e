import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'vitest';
import {
  codeChallengeS256,
  createCallbackPath,
  createCodeVerifier,
  createState,
  safeEqual,
} from '../../../src-main/auth/pkce.ts';
import { backoffDelay } from '../../../src-main/base/backoff.ts';
import { refreshAtFor } from '../../../src-main/channels/backoff.ts';

test('the verifier has 43+ unreserved characters and S256 is base64url(SHA-256)', () => {
  const v = createCodeVerifier();
  assert.match(v, /^[A-Za-z0-9\-._~]{43,128}$/);
  // Expected value computed independently (Python hashlib + urlsafe base64, no padding).
  assert.equal(
    codeChallengeS256('dBjftJeZ4CVP-mJ92K1ncAELy6uQCTYCsEb45sZfk8g'),
    'imJe0HPersWkUTdEKXBN3U__1WN8wNz7ZxRWRLSEIuk',
  );
  assert.equal(codeChallengeS256(v), createHash('sha256').update(v).digest('base64url'));
});

test('state carries 128 bits and paths and states never repeat', () => {
  assert.equal(Buffer.from(createState(), 'base64url').length, 16);
  const seen = new Set(Array.from({ length: 200 }, () => createState() + createCallbackPath()));
  assert.equal(seen.size, 200);
});

test('safeEqual compares whole strings', () => {
  assert.equal(safeEqual('abc', 'abc'), true);
  assert.equal(safeEqual('abc', 'abd'), false);
  assert.equal(safeEqual('abc', 'abcd'), false);
  assert.equal(safeEqual('', 'a'), false);
});

test('refresh happens 5 min plus jitter ahead, never later than half a short life', () => {
  assert.equal(
    refreshAtFor(0, 3600_000, 300_000, 60_000, () => 0),
    3300_000,
  );
  assert.equal(
    refreshAtFor(0, 3600_000, 300_000, 60_000, () => 1),
    3240_000,
  );
  assert.equal(
    refreshAtFor(0, 60_000, 300_000, 60_000, () => 0.5),
    30_000,
  );
});

test('backoff doubles, is capped and jittered within [half, full]', () => {
  const opts = { baseMs: 1000, capMs: 8000 };
  assert.equal(
    backoffDelay(1, opts, () => 1),
    1000,
  );
  assert.equal(
    backoffDelay(3, opts, () => 0),
    2000,
  );
  assert.equal(
    backoffDelay(10, opts, () => 1),
    8000,
  );
});
