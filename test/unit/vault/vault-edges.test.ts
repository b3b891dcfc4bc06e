import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../src-main/db/database.ts';
import type { KeyProvider } from '../../../src-main/vault/key-provider.ts';
import { passphraseProvider } from '../../../src-main/vault/passphrase-provider.ts';
import type { SecretRef } from '../../../src-main/vault/secret-store.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { openVault } from '../../../src-main/vault/vault.ts';
import { memoryKeyProvider } from '../../helpers/memory-key-provider.ts';

const REF: SecretRef = { kind: 'refresh_token', id: 'UC1' };
const bug = (id: KeyProvider['id'], error: Error): KeyProvider => ({
  id,
  label: 'buggy',
  wrap: () => {
    throw error;
  },
  unwrap: () => {
    throw error;
  },
});
const reason = (expected: string, message?: RegExp) => (err: unknown) => {
  assert.ok(err instanceof VaultError, String(err));
  assert.equal(err.reason, expected, err.message);
  if (message) assert.match(err.message, message);
  return true;
};

describe('vault edges', () => {
  test('creating a vault uses the new key as it is: nothing is unwrapped', () => {
    const db = openDatabase(':memory:');
    const file = memoryKeyProvider('file');
    openVault(db, { providers: [file] }).store.put(REF, Buffer.from('x'));
    assert.equal(file.unwraps, 0);
  });

  test('delete removes the secret for good', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [memoryKeyProvider('file')] });
    vault.store.put(REF, Buffer.from('x'));
    vault.store.put({ kind: 'refresh_token', id: 'UC2' }, Buffer.from('y'));
    vault.store.delete(REF);
    assert.equal(vault.store.get(REF), null);
    assert.equal(vault.store.get({ kind: 'refresh_token', id: 'UC2' })?.toString(), 'y');
  });

  test('a bad ref is refused on put before any key is touched', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [memoryKeyProvider('file')] });
    assert.throws(
      () => vault.store.put({ kind: 'id_token' as never, id: 'a' }, Buffer.from('x')),
      reason(VaultErrorReason.invalid, /^Unknown secret kind "id_token"\.$/),
    );
    assert.equal(vault.isUnlocked(), false);
    assert.equal(vault.slots().length, 0);
  });

  test('locking a locked vault is harmless', () => {
    const vault = openVault(openDatabase(':memory:'), { providers: [] });
    vault.lock();
    assert.equal(vault.isUnlocked(), false);
  });

  test('adding a provider keeps the added providers of other kinds', () => {
    const db = openDatabase(':memory:');
    const keychain = memoryKeyProvider('keychain');
    openVault(db, { providers: [keychain] }).store.put(REF, Buffer.from('x'));
    const vault = openVault(db, { providers: [] });
    vault.addProvider(keychain);
    vault.addProvider(memoryKeyProvider('file'));
    vault.addProvider(memoryKeyProvider('safe_storage'));
    assert.equal(vault.store.get(REF)?.toString(), 'x');
  });

  test('a provider bug while opening stops there, even when a later provider would open', () => {
    const db = openDatabase(':memory:');
    const file = memoryKeyProvider('file');
    const vault = openVault(db, { providers: [file] });
    vault.unlock();
    vault.addSlot(memoryKeyProvider('keychain'));
    const opener = openVault(db, { providers: [bug('keychain', new TypeError('bug')), file] });
    assert.throws(() => opener.unlock(), TypeError);
  });

  test('a provider bug while creating stops there, even when a later provider could wrap', () => {
    const db = openDatabase(':memory:');
    const file = memoryKeyProvider('file');
    const creator = openVault(db, { providers: [bug('keychain', new RangeError('bug')), file] });
    assert.throws(() => creator.unlock(), RangeError);
    assert.equal(creator.slots().length, 0);
  });

  test('no provider configured and a passphrase slot: the passphrase is asked for', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [] });
    vault.unlockWith(memoryKeyProvider('passphrase'));
    assert.throws(
      () => openVault(db, { providers: [] }).unlock(),
      reason(
        VaultErrorReason.passphraseRequired,
        /^The vault is locked: enter the vault passphrase/,
      ),
    );
  });

  test('a typed passphrase that fails is reported with the other providers, not asked for again', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [memoryKeyProvider('file')] });
    vault.unlock();
    vault.addSlot(memoryKeyProvider('passphrase'));
    assert.throws(
      () =>
        openVault(db, {
          providers: [memoryKeyProvider('passphrase'), memoryKeyProvider('file')],
        }).unlock(),
      reason(
        VaultErrorReason.wrongKey,
        /^Dropline cannot unlock its secrets vault: The passphrase test provider does not open/,
      ),
    );
  });

  test('a passphrase provider names itself', async () => {
    const provider = await passphraseProvider('correct horse battery', null, {
      logN: 14,
      r: 1,
      p: 1,
    });
    assert.equal(provider.id, 'passphrase');
    assert.equal(provider.label, 'the vault passphrase');
  });
});
