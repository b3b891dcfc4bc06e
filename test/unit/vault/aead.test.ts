import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { createDecipheriv, randomBytes } from 'node:crypto';
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

describe('AES-256-GCM blob layout (blobs written today must open in later versions)', () => {
  test('the layout is version, 12-byte nonce, ciphertext, 16-byte tag, under ["dropline", version, ...context]', () => {
    const blob = sealBlob(key, plain, ['secret', 'cookie_file', 7]);
    assert.equal(blob.length, 1 + 12 + plain.length + 16);
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 13), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from('["dropline",1,"secret","cookie_file",7]'));
    decipher.setAuthTag(blob.subarray(blob.length - 16));
    const body = blob.subarray(13, blob.length - 16);
    assert.deepEqual(Buffer.concat([decipher.update(body), decipher.final()]), plain);
  });

  test('an empty plaintext makes the shortest valid blob; one byte less is truncated', () => {
    const blob = sealBlob(key, Buffer.alloc(0), ['x']);
    assert.equal(blob.length, 29);
    assert.deepEqual(openBlob(key, blob, ['x']), Buffer.alloc(0));
    assert.throws(
      () => openBlob(key, blob.subarray(0, 28), ['x']),
      (err: unknown) =>
        err instanceof AeadError &&
        err.name === 'AeadError' &&
        err.failure === 'truncated' &&
        err.message === 'the blob is 28 bytes, too short to be valid',
    );
  });

  test('failures say what happened', () => {
    const future = sealBlob(key, plain, ['x']);
    future[0] = 2;
    assert.throws(
      () => openBlob(key, future, ['x']),
      (err: unknown) =>
        err instanceof AeadError &&
        err.message === 'the blob has format version 2, this Dropline reads version 1',
    );
    assert.throws(
      () => openBlob(key, sealBlob(key, plain, ['x']), ['y']),
      (err: unknown) =>
        err instanceof AeadError &&
        err.message ===
          'the blob failed authentication (altered, moved from another row, or sealed with another key)',
    );
  });

  test('a key that is not 32 bytes is a programming error, on both sides', () => {
    const blob = sealBlob(key, plain, ['x']);
    for (const bad of [randomBytes(16), randomBytes(33)]) {
      assert.throws(() => sealBlob(bad, plain, ['x']), /^Error: AES-256 needs a 32-byte key$/);
      assert.throws(() => openBlob(bad, blob, ['x']), /AES-256 needs a 32-byte key/);
    }
  });
});
