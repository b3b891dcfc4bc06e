import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { passphraseProvider } from '../../../src-main/vault/passphrase-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

const isReason = (reason: string, text?: RegExp) => (err: unknown) =>
  err instanceof VaultError && err.reason === reason && (!text || text.test(err.message));

describe('passphrase key provider (scrypt)', () => {
  const key = randomBytes(32);
  const wrapped = passphraseProvider('correct horse battery').wrap(key);

  test('round trip with the same passphrase', () => {
    assert.deepEqual(passphraseProvider('correct horse battery').unwrap(wrapped), key);
  });

  test('the slot stores strong default cost and a random salt, never the passphrase', () => {
    assert.equal(wrapped[1], 17);
    assert.equal(wrapped[2], 8);
    const again = passphraseProvider('correct horse battery').wrap(key);
    assert.notDeepEqual(again.subarray(4, 20), wrapped.subarray(4, 20));
    assert.ok(!wrapped.includes(Buffer.from('correct horse battery')));
    assert.ok(!wrapped.includes(key));
  });

  test('a wrong passphrase is refused clearly', () => {
    assert.throws(
      () => passphraseProvider('wrong horse battery').unwrap(wrapped),
      isReason(VaultErrorReason.wrongKey, /passphrase is wrong/),
    );
  });

  test('a too short passphrase is refused when setting it', () => {
    assert.throws(
      () => passphraseProvider('short').wrap(key),
      isReason(VaultErrorReason.invalid, /at least 12/),
    );
  });

  test('a tampered cost is refused before deriving', () => {
    const bad = Buffer.from(wrapped);
    bad[1] = 40;
    assert.throws(
      () => passphraseProvider('correct horse battery').unwrap(bad),
      isReason(VaultErrorReason.corrupt, /scrypt cost/),
    );
  });

  test('a tampered salt fails closed', () => {
    const bad = Buffer.from(wrapped);
    bad[6]! ^= 0xff;
    assert.throws(() => passphraseProvider('correct horse battery').unwrap(bad), VaultError);
  });
});
