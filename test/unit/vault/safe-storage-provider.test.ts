import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../../../src-main/vault/safe-storage-like.ts';
import { safeStorageProvider } from '../../../src-main/vault/safe-storage-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

/** A reversible fake: "encrypts" by XOR with a per-instance pad, like a per-user OS key. */
function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike {
  const pad = randomBytes(1)[0]! | 1;
  const ss: SafeStorageLike = {
    isEncryptionAvailable: () => available,
    encryptString: (plain) =>
      Buffer.concat([Buffer.from('v10'), Buffer.from(plain).map((b) => b ^ pad)]),
    decryptString: (enc) => {
      if (enc.subarray(0, 3).toString() !== 'v10')
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        );
      return Buffer.from(enc.subarray(3).map((b) => b ^ pad)).toString();
    },
  };
  if (backend !== undefined) ss.getSelectedStorageBackend = () => backend;
  return ss;
}

const isReason = (reason: string, text?: RegExp) => (err: unknown) =>
  err instanceof VaultError && err.reason === reason && (!text || text.test(err.message));

describe('safeStorage key provider', () => {
  test('wraps and unwraps the data key with a real keyring backend', () => {
    const p = safeStorageProvider(fakeSafeStorage('gnome_libsecret'), 'linux');
    const key = randomBytes(32);
    const wrapped = p.wrap(key);
    assert.ok(!wrapped.includes(key));
    assert.deepEqual(p.unwrap(wrapped), key);
  });

  test('refuses basic_text on Linux, says why and asks for a passphrase', () => {
    const p = safeStorageProvider(fakeSafeStorage('basic_text'), 'linux');
    assert.throws(
      () => p.wrap(randomBytes(32)),
      isReason(VaultErrorReason.passphraseRequired, /basic_text.*passphrase/s),
    );
    assert.throws(
      () => p.unwrap(Buffer.from('v10xx')),
      isReason(VaultErrorReason.passphraseRequired),
    );
  });

  test('refuses an unknown or unreported backend on Linux', () => {
    for (const backend of ['unknown', undefined]) {
      const p = safeStorageProvider(fakeSafeStorage(backend), 'linux');
      assert.throws(
        () => p.wrap(randomBytes(32)),
        isReason(VaultErrorReason.passphraseRequired, /passphrase/),
      );
    }
  });

  test('on macOS and Windows the backend question does not apply', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const p = safeStorageProvider(fakeSafeStorage(undefined), platform);
      const key = randomBytes(32);
      assert.deepEqual(p.unwrap(p.wrap(key)), key);
    }
  });

  test('encryption unavailable is refused', () => {
    const p = safeStorageProvider(fakeSafeStorage('kwallet5', false), 'linux');
    assert.throws(
      () => p.wrap(randomBytes(32)),
      isReason(VaultErrorReason.unavailable, /not available/),
    );
  });

  test('a slot written by another keyring is a wrong key, not garbage', () => {
    const a = safeStorageProvider(fakeSafeStorage('gnome_libsecret'), 'linux');
    const wrapped = a.wrap(randomBytes(32));
    const broken = fakeSafeStorage('gnome_libsecret');
    broken.decryptString = () => {
      throw new Error('Error while decrypting');
    };
    assert.throws(
      () => safeStorageProvider(broken, 'linux').unwrap(wrapped),
      isReason(VaultErrorReason.wrongKey, /did not create a new key/),
    );
  });
});
