import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { keyFileProvider } from '../../../src-main/vault/key-file-provider.ts';
import {
  keychainProvider,
  type KeychainEntryFactory,
} from '../../../src-main/vault/keychain-provider.ts';
import { safeStorageProvider } from '../../../src-main/vault/safe-storage-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

const isReason = (reason: string, text?: RegExp) => (err: unknown) =>
  err instanceof VaultError && err.reason === reason && (!text || text.test(err.message));

/** probe() answers "could this provider be used now?" for the Security screen, without side effects. */
describe('key provider probe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dropline-probe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('keychain: an empty keychain is usable and the probe stores nothing', () => {
    const writes: string[] = [];
    const entries: KeychainEntryFactory = () => ({
      getPassword: () => null,
      setPassword: (p) => void writes.push(p),
      deletePassword: () => false,
    });
    keychainProvider({ dataDir: dir, entries, platform: 'linux' }).probe?.();
    assert.deepEqual(writes, []);
  });

  test('keychain: one that cannot answer is unavailable, with the fix', () => {
    const entries: KeychainEntryFactory = () => {
      throw new Error('DBus error: no session bus');
    };
    const p = keychainProvider({ dataDir: dir, entries, platform: 'linux' });
    assert.throws(
      () => p.probe?.(),
      isReason(VaultErrorReason.unavailable, /DROPLINE_KEY_PROVIDER=file/),
    );
  });

  test('key file: present and private passes, missing is named', () => {
    const file = join(dir, 'k');
    writeFileSync(file, randomBytes(32), { mode: 0o600 });
    keyFileProvider(file, 'linux').probe?.();
    assert.throws(
      () => keyFileProvider(join(dir, 'missing'), 'linux').probe?.(),
      isReason(VaultErrorReason.unavailable, /does not exist/),
    );
  });

  test('safeStorage: basic_text asks for a passphrase without encrypting anything', () => {
    const p = safeStorageProvider(
      {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'basic_text',
        encryptString: () => assert.fail('a probe must not encrypt'),
        decryptString: () => assert.fail('a probe must not decrypt'),
      },
      'linux',
    );
    assert.throws(() => p.probe?.(), isReason(VaultErrorReason.passphraseRequired, /basic_text/));
  });
});
