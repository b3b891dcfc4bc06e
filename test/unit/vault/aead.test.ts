import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { AeadError, BLOB_VERSION, openBlob, sealBlob } from '../../../src-main/vault/aead.ts';

const key = randomBytes(32);
const plain = Buffer.from('1//refresh-token-value');

describe('AES-256-GCM blobs', () => {
  test('round trip under the same context', () => {
    const blob = sealBlob(key, plain, ['secret', 'refresh_token', 'UC1']);
    assert.equal(blob[0], BLOB_VERSION);
    assert.deepEqual(openBlob(key, blob, ['secret', 'refresh_token', 'UC1']), plain);
  });

  test('the same plaintext sealed twice gives different blobs (fresh nonce)', () => {
    const a = sealBlob(key, plain, ['x']);
    const b = sealBlob(key, plain, ['x']);
    assert.notDeepEqual(a, b);
    assert.notDeepEqual(a.subarray(1, 13), b.subarray(1, 13));
  });

  test('another context does not open the blob', () => {
    const blob = sealBlob(key, plain, ['secret', 'refresh_token', 'UC1']);
    assert.throws(
      () => openBlob(key, blob, ['secret', 'refresh_token', 'UC2']),
      (err: unknown) => err instanceof AeadError && err.failure === 'authentication',
    );
  });

  test('ids containing separators cannot collide', () => {
    const blob = sealBlob(key, plain, ['secret', 'a', 'b:c']);
    assert.throws(() => openBlob(key, blob, ['secret', 'a:b', 'c']), AeadError);
  });

  test('a flipped byte anywhere fails authentication', () => {
    const blob = sealBlob(key, plain, ['x']);
    for (let i = 1; i < blob.length; i++) {
      const bad = Buffer.from(blob);
      bad[i]! ^= 0x01;
      assert.throws(() => openBlob(key, bad, ['x']), AeadError, `byte ${i}`);
    }
  });

  test('an unknown format version and a truncated blob are named', () => {
    const blob = sealBlob(key, plain, ['x']);
    const future = Buffer.from(blob);
    future[0] = 9;
    assert.throws(
      () => openBlob(key, future, ['x']),
      (err: unknown) => err instanceof AeadError && err.failure === 'unknown_version',
    );
    assert.throws(
      () => openBlob(key, blob.subarray(0, 20), ['x']),
      (err: unknown) => err instanceof AeadError && err.failure === 'truncated',
    );
  });

  test('a different key fails authentication', () => {
    const blob = sealBlob(key, plain, ['x']);
    assert.throws(() => openBlob(randomBytes(32), blob, ['x']), AeadError);
  });
});
