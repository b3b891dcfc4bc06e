import { test } from 'vitest';
import assert from 'node:assert/strict';
import { checkRef, rowContext } from '../../../src-main/vault/secret-ref.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

const invalid = (message: string) => (err: unknown) =>
  err instanceof VaultError && err.reason === VaultErrorReason.invalid && err.message === message;

test('the four kinds of secret are known; ids of 1 to 512 characters pass unchanged', () => {
  for (const kind of [
    'refresh_token',
    'oauth_client_secret',
    'cookie_file',
    'upload_session',
  ] as const) {
    const ref = { kind, id: 'x' };
    assert.equal(checkRef(ref), ref);
  }
  assert.equal(checkRef({ kind: 'cookie_file', id: 'x'.repeat(512) }).id.length, 512);
});

test('unknown kinds and empty, overlong or non-string ids are refused by name', () => {
  assert.throws(
    () => checkRef({ kind: 'id_token' as never, id: 'a' }),
    invalid('Unknown secret kind "id_token".'),
  );
  for (const id of ['', 'x'.repeat(513), 42 as never])
    assert.throws(
      () => checkRef({ kind: 'upload_session', id }),
      invalid('A upload_session needs an id of 1 to 512 characters.'),
    );
});

test('the row context names the kind and the id', () => {
  assert.deepEqual(rowContext({ kind: 'refresh_token', id: 'UC1' }), [
    'secret',
    'refresh_token',
    'UC1',
  ]);
});
