import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../../../src-main/db/database.ts';
import { openBlob, sealBlob } from '../../../src-main/vault/aead.ts';
import { unwrapWithKek, type KeyProvider } from '../../../src-main/vault/key-provider.ts';
import type { SecretRef } from '../../../src-main/vault/secret-store.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { dataKeyId, openVault } from '../../../src-main/vault/vault.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import {
  memoryKeyProvider,
  refusingKeyProvider,
  type MemoryKeyProvider,
} from '../../helpers/memory-key-provider.ts';

// The vault's own logic on an in-memory database, with providers that keep their
// key-encryption key in memory: fast enough to run for every mutant.
const REF: SecretRef = { kind: 'refresh_token', id: 'UC1' };
const REF2: SecretRef = { kind: 'cookie_file', id: 'cf-1' };

type TestProvider = MemoryKeyProvider;
const memoryProvider = memoryKeyProvider;
const refusing = refusingKeyProvider;

const vaultError =
  (reason: string, message?: string | RegExp, more?: (e: VaultError) => void) =>
  (err: unknown): boolean => {
    assert.ok(err instanceof VaultError, `expected a VaultError, got ${String(err)}`);
    assert.equal(err.reason, reason, err.message);
    if (typeof message === 'string') assert.equal(err.message, message);
    else if (message) assert.match(err.message, message);
    more?.(err);
    return true;
  };

const zeroed = (key: Buffer | undefined): boolean => !!key && key.every((b) => b === 0);
const keyOf = (p: TestProvider, db: Db): Buffer => {
  const row = db.prepare('SELECT wrapped_key FROM key_slots WHERE provider = ?').pluck().get(p.id);
  return unwrapWithKek(p.kek, row as Buffer, p, '');
};

describe('vault: creating and opening', () => {
  test('the data key fingerprint is a fixed HMAC: slots written by older versions keep matching', () => {
    assert.equal(dataKeyId(Buffer.alloc(32)), 'd7d5f8c410b128c6fa3b0c584ececca6');
    assert.notEqual(dataKeyId(Buffer.alloc(32, 1)), dataKeyId(Buffer.alloc(32)));
  });

  test('first use creates one slot, stamped by the clock, whose fingerprint is the data key', () => {
    const db = openDatabase(':memory:');
    const clock = new FakeClock(Date.parse('2026-05-01T10:00:00Z'));
    const file = memoryProvider('file');
    const vault = openVault(db, { providers: [file], clock });
    assert.equal(vault.isUnlocked(), false);
    vault.store.put(REF, Buffer.from('secret'));
    assert.equal(vault.isUnlocked(), true);
    assert.deepEqual(vault.slots(), [{ provider: 'file', createdAt: '2026-05-01T10:00:00.000Z' }]);
    const row = db.prepare('SELECT * FROM secrets').get() as { blob: Buffer; updated_at: string };
    assert.equal(row.updated_at, '2026-05-01T10:00:00.000Z');
    const key = keyOf(file, db);
    assert.equal(db.prepare('SELECT key_id FROM key_slots').pluck().get(), dataKeyId(key));
    // The blob opens with that key, bound to its row (kind and id).
    assert.equal(openBlob(key, row.blob, ['secret', 'refresh_token', 'UC1']).toString(), 'secret');
    assert.ok(
      vault
        .wrappedSlot('file')
        ?.equals(db.prepare('SELECT wrapped_key FROM key_slots').pluck().get() as Buffer),
    );
    assert.equal(vault.wrappedSlot('passphrase'), null);
  });

  test('another opener reads the secret, unwrapping once however many secrets it reads', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const writer = openVault(db, { providers: [file] });
    writer.store.put(REF, Buffer.from('one'));
    writer.store.put(REF2, Buffer.from('two'));
    const reader = openVault(db, { providers: [file] });
    const before = file.unwraps;
    assert.equal(reader.store.get(REF)?.toString(), 'one');
    assert.equal(reader.store.get(REF2)?.toString(), 'two');
    reader.unlock();
    assert.equal(file.unwraps - before, 1);
  });

  test('providers given as a function are built only when a key is needed', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    let built = 0;
    const vault = openVault(db, {
      providers: () => {
        built++;
        return [file];
      },
    });
    assert.equal(vault.store.get(REF), null);
    assert.equal(built, 0);
    vault.store.put(REF, Buffer.from('x'));
    assert.equal(built, 1);
    assert.deepEqual(vault.configuredProviders(), [file]);
  });

  test('providers without a slot are skipped; the first with a slot that opens wins', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    openVault(db, { providers: [file] }).store.put(REF, Buffer.from('x'));
    const keychain = refusing('keychain', VaultErrorReason.unavailable, 'no keychain here');
    const vault = openVault(db, { providers: [keychain, file] });
    assert.equal(vault.store.get(REF)?.toString(), 'x');
  });

  test('creating skips a provider that cannot wrap and uses the next', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const keychain = refusing('keychain', VaultErrorReason.unavailable, 'no keychain here');
    openVault(db, { providers: [keychain, file] }).store.put(REF, Buffer.from('x'));
    assert.deepEqual(
      openVault(db, { providers: [] })
        .slots()
        .map((s) => s.provider),
      ['file'],
    );
  });

  test('no provider at all, or none that can wrap, says so and creates nothing', () => {
    const db = openDatabase(':memory:');
    assert.throws(
      () => openVault(db, { providers: [] }).store.put(REF, Buffer.from('x')),
      vaultError(
        VaultErrorReason.unavailable,
        'Cannot store the refresh token of channel "UC1". No key provider is configured for the vault.',
      ),
    );
    const a = refusing('keychain', VaultErrorReason.unavailable, 'no keychain here.');
    const b = refusing('file', VaultErrorReason.invalid, 'no file here.');
    assert.throws(
      () => openVault(db, { providers: [a, b] }).unlock(),
      vaultError(
        VaultErrorReason.unavailable,
        'Dropline cannot unlock its secrets vault: no keychain here. no file here.',
      ),
    );
    assert.equal(db.prepare('SELECT count(*) FROM key_slots').pluck().get(), 0);
  });

  test('secrets without any slot: no new key is made for them', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const first = openVault(db, { providers: [file] });
    first.store.put(REF, Buffer.from('x'));
    first.store.put(REF2, Buffer.from('y'));
    db.exec('DELETE FROM key_slots');
    assert.throws(
      () => openVault(db, { providers: [file] }).unlock(),
      vaultError(
        VaultErrorReason.corrupt,
        'The database holds 2 encrypted secret(s) but no key slot, so they cannot be decrypted. Restore dropline.db from a backup, or remove the rows of the `secrets` table and reconnect your channels.',
      ),
    );
    assert.equal(db.prepare('SELECT count(*) FROM key_slots').pluck().get(), 0);
  });

  test('when another opener creates the key first, this one uses theirs', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const other = openVault(db, { providers: [file] });
    // The race, made explicit: the other opener creates its slot while this one wraps.
    const racing: KeyProvider = {
      ...file,
      wrap: (dataKey) => {
        other.unlock();
        return file.wrap(dataKey);
      },
    };
    const vault = openVault(db, { providers: [racing] });
    vault.store.put(REF, Buffer.from('after the race'));
    assert.equal(vault.slots().length, 1);
    assert.equal(other.store.get(REF)?.toString(), 'after the race');
  });

  test('a fingerprint mismatch names the provider', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    openVault(db, { providers: [file] }).unlock();
    db.prepare("UPDATE key_slots SET key_id = 'ffff'").run();
    assert.throws(
      () => openVault(db, { providers: [file] }).unlock(),
      vaultError(
        VaultErrorReason.corrupt,
        "The file key slot unwraps to a key that is not this vault's (fingerprint mismatch).",
      ),
    );
  });
});

describe('vault: unlock errors', () => {
  test('every provider with a slot is tried and each one says why it failed', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const keychain = memoryProvider('keychain');
    const vault = openVault(db, { providers: [file] });
    vault.addSlot(keychain);
    const wrongFile = memoryProvider('file');
    const gone = refusing('keychain', VaultErrorReason.unavailable, 'The keychain is locked.');
    assert.throws(
      () => openVault(db, { providers: [gone, wrongFile] }).unlock(),
      vaultError(
        VaultErrorReason.wrongKey,
        /^Dropline cannot unlock its secrets vault: The keychain is locked\. The file test provider does not open this vault: .*Use the right test key\.$/,
      ),
    );
  });

  test('a passphrase slot nobody typed for yet is named first', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const vault = openVault(db, { providers: [file] });
    vault.addSlot(memoryProvider('passphrase'));
    assert.throws(
      () => openVault(db, { providers: [memoryProvider('file')] }).unlock(),
      vaultError(
        VaultErrorReason.passphraseRequired,
        /^Dropline cannot unlock its secrets vault: The vault is locked: enter the vault passphrase .* The file test provider does not open this vault/,
      ),
    );
    // Only the passphrase slot left and nothing else configured: the passphrase request alone.
    vault.removeSlot('file');
    assert.throws(
      () => openVault(db, { providers: [file] }).unlock(),
      vaultError(
        VaultErrorReason.passphraseRequired,
        /^The vault is locked: enter the vault passphrase/,
      ),
    );
    // A typed passphrase that is wrong is not "untyped": its own error stands.
    assert.throws(
      () => openVault(db, { providers: [memoryProvider('passphrase')] }).unlock(),
      vaultError(
        VaultErrorReason.wrongKey,
        /^The passphrase test provider does not open this vault/,
      ),
    );
  });

  test('slots of providers this engine is not set up with name the way back', () => {
    const db = openDatabase(':memory:');
    openVault(db, { providers: [memoryProvider('file')] }).unlock();
    assert.throws(
      () => openVault(db, { providers: [memoryProvider('keychain')] }).unlock(),
      vaultError(
        VaultErrorReason.wrongKey,
        /held by a key file, but this Dropline is set up with the keychain test provider/,
      ),
    );
  });

  test('a locked vault makes reads and writes retryable errors naming the secret', () => {
    const db = openDatabase(':memory:');
    openVault(db, { providers: [memoryProvider('file')] }).store.put(REF, Buffer.from('x'));
    const vault = openVault(db, { providers: [memoryProvider('file')] });
    const check = (verb: string) => (e: VaultError) => {
      assert.equal(e.retryable, true);
      assert.deepEqual(e.ref, REF);
      assert.match(
        e.message,
        new RegExp(
          `^Cannot ${verb} the refresh token of channel "UC1"\\. The file test provider does not open this vault`,
        ),
      );
    };
    assert.throws(
      () => vault.store.get(REF),
      vaultError(VaultErrorReason.wrongKey, undefined, check('read')),
    );
    assert.throws(
      () => vault.store.put(REF, Buffer.from('y')),
      vaultError(VaultErrorReason.wrongKey, undefined, check('store')),
    );
  });

  test('a provider bug (not a VaultError) is not disguised as a locked vault', () => {
    const db = openDatabase(':memory:');
    openVault(db, { providers: [memoryProvider('file')] }).store.put(REF, Buffer.from('x'));
    const buggy: KeyProvider = {
      id: 'file',
      label: 'buggy',
      wrap: () => Buffer.alloc(0),
      unwrap: () => {
        throw new TypeError('provider bug');
      },
    };
    const vault = openVault(db, { providers: [buggy] });
    assert.throws(() => vault.store.get(REF), TypeError);
    assert.throws(() => vault.checkSlot(buggy), TypeError);
    const db2 = openDatabase(':memory:');
    const badWrap: KeyProvider = {
      ...buggy,
      wrap: () => {
        throw new RangeError('wrap bug');
      },
    };
    assert.throws(() => openVault(db2, { providers: [badWrap] }).unlock(), RangeError);
  });
});

describe('vault: secrets', () => {
  test('a value must be a Buffer; refs are checked on put, get and delete', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [memoryProvider('file')] });
    assert.throws(
      () => vault.store.put(REF, 'text' as never),
      vaultError(VaultErrorReason.invalid, 'A secret must be a Buffer.', (e) =>
        assert.deepEqual(e.ref, REF),
      ),
    );
    const bad = { kind: 'id_token', id: 'a' } as never;
    for (const op of [() => vault.store.get(bad), () => vault.store.delete(bad)])
      assert.throws(op, vaultError(VaultErrorReason.invalid, 'Unknown secret kind "id_token".'));
    assert.equal(vault.isUnlocked(), false);
  });

  test('a blob that fails to open names the secret, why, and the fix', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [memoryProvider('file')] });
    vault.store.put(REF, Buffer.from('x'));
    db.prepare('UPDATE secrets SET blob = ?').run(
      sealBlob(randomBytes(32), Buffer.from('x'), ['secret', 'refresh_token', 'UC1']),
    );
    assert.throws(
      () => vault.store.get(REF),
      vaultError(
        VaultErrorReason.corrupt,
        'Dropline cannot decrypt the refresh token of channel "UC1": it was altered, moved from another row, or written with a different vault key. Dropline refuses to use it. Reconnect this channel to store a new one.',
        (e) => assert.equal(e.retryable, false),
      ),
    );
    db.prepare('UPDATE secrets SET blob = ?').run(Buffer.from([1, 2, 3]));
    assert.throws(
      () => vault.store.get(REF),
      vaultError(
        VaultErrorReason.corrupt,
        'Dropline cannot decrypt the refresh token of channel "UC1": the blob is 3 bytes, too short to be valid. Dropline refuses to use it. Reconnect this channel to store a new one.',
      ),
    );
  });

  test('lock forgets and wipes the data key; the next use unlocks again', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    openVault(db, { providers: [file] }).store.put(REF, Buffer.from('x'));
    const vault = openVault(db, { providers: [file] });
    vault.unlock();
    const key = file.handedOut.at(-1);
    assert.equal(zeroed(key), false);
    vault.lock();
    assert.equal(vault.isUnlocked(), false);
    assert.equal(zeroed(key), true);
    assert.equal(vault.store.get(REF)?.toString(), 'x');
  });
});

describe('vault: slots', () => {
  test('slots list by creation time, then provider; re-adding a slot re-wraps it with a new time', async () => {
    const db = openDatabase(':memory:');
    const clock = new FakeClock(Date.parse('2026-05-01T10:00:00Z'));
    const vault = openVault(db, { providers: [memoryProvider('safe_storage')], clock });
    vault.store.put(REF, Buffer.from('x'));
    const keychain = memoryProvider('keychain');
    vault.addSlot(keychain);
    await clock.advance(60_000);
    vault.addSlot(memoryProvider('file'));
    assert.deepEqual(vault.slots(), [
      { provider: 'keychain', createdAt: '2026-05-01T10:00:00.000Z' },
      { provider: 'safe_storage', createdAt: '2026-05-01T10:00:00.000Z' },
      { provider: 'file', createdAt: '2026-05-01T10:01:00.000Z' },
    ]);
    const newKeychain = memoryProvider('keychain');
    vault.addSlot(newKeychain);
    assert.deepEqual(vault.slots().at(-1), {
      provider: 'keychain',
      createdAt: '2026-05-01T10:01:00.000Z',
    });
    assert.equal(
      openVault(db, { providers: [newKeychain] })
        .store.get(REF)
        ?.toString(),
      'x',
    );
    assert.throws(
      () => openVault(db, { providers: [keychain] }).unlock(),
      vaultError(VaultErrorReason.wrongKey),
    );
  });

  test('removing a slot: an absent one is a no-op, the last one is refused', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [memoryProvider('file')] });
    vault.unlock();
    vault.removeSlot('keychain');
    vault.addSlot(memoryProvider('keychain'));
    vault.removeSlot('file');
    assert.deepEqual(
      vault.slots().map((s) => s.provider),
      ['keychain'],
    );
    assert.throws(
      () => vault.removeSlot('keychain'),
      vaultError(
        VaultErrorReason.invalid,
        "The keychain key slot is the vault's only one; add another slot before removing it, or every stored secret would be lost.",
      ),
    );
    vault.removeSlot('passphrase');
    assert.equal(vault.slots().length, 1);
  });

  test('an added provider is tried first; adding one with the same id replaces it', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    openVault(db, { providers: [file] }).store.put(REF, Buffer.from('x'));
    const vault = openVault(db, { providers: [memoryProvider('file')] });
    vault.addProvider(file);
    assert.equal(vault.store.get(REF)?.toString(), 'x');
    const later = openVault(db, { providers: [] });
    later.addProvider(file);
    later.addProvider(memoryProvider('file'));
    assert.throws(
      () => later.unlock(),
      vaultError(VaultErrorReason.wrongKey, /^The file test provider/),
    );
    later.addProvider(memoryProvider('keychain'));
    later.addProvider(file);
    assert.equal(later.store.get(REF)?.toString(), 'x');
  });
});

describe('vault: unlockWith and checkSlot', () => {
  test('unlockWith creates the vault with that provider alone when there is no slot', () => {
    const db = openDatabase(':memory:');
    const vault = openVault(db, { providers: [memoryProvider('file')] });
    const passphrase = memoryProvider('passphrase');
    vault.unlockWith(passphrase);
    assert.equal(vault.isUnlocked(), true);
    assert.deepEqual(
      vault.slots().map((s) => s.provider),
      ['passphrase'],
    );
    // Not kept: a fresh vault on the same database needs it again.
    assert.throws(
      () => openVault(db, { providers: [] }).unlock(),
      vaultError(VaultErrorReason.passphraseRequired),
    );
  });

  test('unlockWith opens a locked vault, and refuses a provider without a slot', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    openVault(db, { providers: [file] }).store.put(REF, Buffer.from('x'));
    const vault = openVault(db, { providers: [] });
    assert.throws(
      () => vault.unlockWith(memoryProvider('keychain')),
      vaultError(
        VaultErrorReason.invalid,
        'The vault has no keychain key slot, so the keychain test provider cannot unlock it.',
      ),
    );
    assert.equal(vault.isUnlocked(), false);
    vault.unlockWith(file);
    assert.equal(vault.isUnlocked(), true);
    assert.equal(vault.store.get(REF)?.toString(), 'x');
    assert.equal(vault.slots().length, 1);
  });

  test('unlockWith on an unlocked vault checks the provider and wipes its copy of the key', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const vault = openVault(db, { providers: [file] });
    vault.store.put(REF, Buffer.from('x'));
    vault.unlockWith(file);
    assert.equal(zeroed(file.handedOut.at(-1)), true);
    assert.equal(vault.store.get(REF)?.toString(), 'x');
    assert.throws(
      () => vault.unlockWith(memoryProvider('file')),
      vaultError(VaultErrorReason.wrongKey),
    );
    assert.equal(vault.isUnlocked(), true);
  });

  test('checkSlot answers without unlocking: null when it opens, else the reason', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    openVault(db, { providers: [file] }).store.put(REF, Buffer.from('x'));
    const vault = openVault(db, { providers: [file] });
    assert.equal(vault.checkSlot(file), null);
    assert.equal(vault.isUnlocked(), false);
    assert.equal(zeroed(file.handedOut.at(-1)), true);
    const wrong = vault.checkSlot(memoryProvider('file'));
    assert.equal(wrong?.reason, VaultErrorReason.wrongKey);
    const none = vault.checkSlot(memoryProvider('keychain'));
    assert.equal(none?.reason, VaultErrorReason.invalid);
    assert.equal(none?.message, 'The keychain test provider holds no vault key.');
    vault.unlock();
    assert.equal(vault.checkSlot(file), null);
  });

  test('checkSlot on an unlocked vault spots a slot that holds another vault key', () => {
    const db = openDatabase(':memory:');
    const file = memoryProvider('file');
    const keychain = memoryProvider('keychain');
    const vault = openVault(db, { providers: [file] });
    vault.unlock();
    // Another vault's keychain slot, copied in with its own fingerprint: it opens, to another key.
    const elsewhere = openDatabase(':memory:');
    openVault(elsewhere, { providers: [keychain] }).unlock();
    const foreign = elsewhere.prepare('SELECT * FROM key_slots').get() as Record<string, unknown>;
    db.prepare(
      'INSERT INTO key_slots (provider, wrapped_key, key_id, created_at) VALUES (?, ?, ?, ?)',
    ).run(foreign.provider, foreign.wrapped_key, foreign.key_id, foreign.created_at);
    const other = vault.checkSlot(keychain);
    assert.equal(other?.reason, VaultErrorReason.corrupt);
    assert.equal(other?.message, 'The keychain test provider holds another key.');
    assert.equal(zeroed(keychain.handedOut.at(-1)), true);
  });
});
