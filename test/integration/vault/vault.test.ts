import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/database.ts';
import { keyFileProvider } from '../../../src-main/vault/key-file-provider.ts';
import type { KeyProvider } from '../../../src-main/vault/key-provider.ts';
import { passphraseProvider } from '../../../src-main/vault/passphrase-provider.ts';
import { safeStorageProvider } from '../../../src-main/vault/safe-storage-provider.ts';
import type { SecretRef } from '../../../src-main/vault/secret-store.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { openVault } from '../../../src-main/vault/vault.ts';

const UC1: SecretRef = { kind: 'refresh_token', id: 'UC1-channel' };
const UC2: SecretRef = { kind: 'refresh_token', id: 'UC2-channel' };

const isReason =
  (reason: string, ...texts: RegExp[]) =>
  (err: unknown) => {
    assert.ok(err instanceof VaultError, `expected a VaultError, got ${String(err)}`);
    assert.equal(err.reason, reason, err.message);
    for (const t of texts) assert.match(err.message, t);
    return true;
  };

/** A provider that must never be asked: proves an operation did not need the key. */
const untouchable: KeyProvider = {
  id: 'keychain',
  label: 'untouchable',
  wrap: () => assert.fail('wrap must not be called'),
  unwrap: () => assert.fail('unwrap must not be called'),
};

describe('vault on real SQLite', () => {
  let dir: string;
  let keyA: string;
  let keyB: string;
  let n = 0;
  const dbs: Db[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dropline-vault-'));
    keyA = join(dir, 'a.key');
    keyB = join(dir, 'b.key');
    writeFileSync(keyA, randomBytes(32), { mode: 0o600 });
    writeFileSync(keyB, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  });
  afterAll(() => {
    for (const db of dbs) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const freshDb = (): { db: Db; file: string } => {
    const file = join(dir, `v${++n}.db`);
    const db = openDatabase(file);
    dbs.push(db);
    return { db, file };
  };
  const rawBlob = (db: Db, ref: SecretRef): Buffer =>
    db
      .prepare('SELECT blob FROM secrets WHERE kind = ? AND id = ?')
      .pluck()
      .get(ref.kind, ref.id) as Buffer;
  const setBlob = (db: Db, ref: SecretRef, blob: Buffer): void => {
    db.prepare('UPDATE secrets SET blob = ? WHERE kind = ? AND id = ?').run(blob, ref.kind, ref.id);
  };

  test('round trip, also after reopening the database', () => {
    const { db, file } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    assert.equal(vault.isUnlocked(), false, 'opening reads no key');
    vault.store.put(UC1, Buffer.from('1//first-refresh'));
    vault.store.put({ kind: 'oauth_client_secret', id: 'default' }, Buffer.from('GOCSPX-abc'));
    assert.equal(vault.store.get(UC1)?.toString(), '1//first-refresh');
    vault.store.put(UC1, Buffer.from('1//second-refresh'));
    assert.equal(vault.store.get(UC1)?.toString(), '1//second-refresh');
    assert.deepEqual(
      vault.slots().map((s) => s.provider),
      ['file'],
    );
    db.close();

    const db2 = openDatabase(file);
    dbs.push(db2);
    const again = openVault(db2, { providers: [keyFileProvider(keyA)] });
    assert.equal(again.store.get(UC1)?.toString(), '1//second-refresh');
    assert.equal(
      again.store.get({ kind: 'oauth_client_secret', id: 'default' })?.toString(),
      'GOCSPX-abc',
    );
    again.store.delete(UC1);
    assert.equal(again.store.get(UC1), null);
  });

  test('reading a missing secret and deleting need no key', () => {
    const { db } = freshDb();
    const vault = openVault(db, { providers: [untouchable] });
    assert.equal(vault.store.get(UC1), null);
    vault.store.delete(UC1);
    assert.equal(vault.slots().length, 0);
  });

  test('a fresh nonce per write: the same plaintext twice gives different blobs', () => {
    const { db } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    vault.store.put(UC1, Buffer.from('same'));
    const first = rawBlob(db, UC1);
    vault.store.put(UC1, Buffer.from('same'));
    const second = rawBlob(db, UC1);
    vault.store.put(UC2, Buffer.from('same'));
    assert.notDeepEqual(first, second);
    assert.notDeepEqual(second, rawBlob(db, UC2));
    assert.equal(first[0], 1, 'blob format version byte');
  });

  test('plaintext and key material never appear in the database or WAL bytes', () => {
    const { db, file } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    const secrets = ['1//plaintext-refresh-token-MARKER', 'GOCSPX-client-secret-MARKER'];
    vault.store.put(UC1, Buffer.from(secrets[0]!));
    vault.store.put({ kind: 'oauth_client_secret', id: 'c' }, Buffer.from(secrets[1]!));
    const needles = [...secrets.map((s) => Buffer.from(s)), readFileSync(keyA)];
    const scan = (when: string): void => {
      for (const f of [file, `${file}-wal`]) {
        if (!existsSync(f)) continue;
        const bytes = readFileSync(f);
        for (const needle of needles)
          assert.equal(bytes.indexOf(needle), -1, `${when}: found in ${f}`);
      }
    };
    assert.ok(existsSync(`${file}-wal`), 'WAL file exists before checkpoint');
    scan('before checkpoint');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    scan('after close');
  });

  test('a flipped ciphertext byte fails closed, naming the row and the fix', () => {
    const { db } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    vault.store.put(UC1, Buffer.from('1//token'));
    const blob = rawBlob(db, UC1);
    blob[20]! ^= 0x04;
    setBlob(db, UC1, blob);
    assert.throws(
      () => vault.store.get(UC1),
      isReason(
        VaultErrorReason.corrupt,
        /refresh token of channel "UC1-channel"/,
        /altered/,
        /Reconnect this channel/,
      ),
    );
  });

  test('a truncated blob or a value edited into text fails closed', () => {
    const { db } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    vault.store.put(UC1, Buffer.from('1//token'));
    setBlob(db, UC1, rawBlob(db, UC1).subarray(0, 10));
    assert.throws(
      () => vault.store.get(UC1),
      isReason(VaultErrorReason.corrupt, /UC1-channel/, /too short/),
    );
    db.prepare("UPDATE secrets SET blob = 'plain text' WHERE id = ?").run(UC1.id);
    assert.throws(() => vault.store.get(UC1), isReason(VaultErrorReason.corrupt, /UC1-channel/));
  });

  test('two rows with swapped blobs both fail closed', () => {
    const { db } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    vault.store.put(UC1, Buffer.from('1//token-of-one'));
    vault.store.put(UC2, Buffer.from('1//token-of-two'));
    const [b1, b2] = [rawBlob(db, UC1), rawBlob(db, UC2)];
    setBlob(db, UC1, b2);
    setBlob(db, UC2, b1);
    assert.throws(
      () => vault.store.get(UC1),
      isReason(VaultErrorReason.corrupt, /UC1-channel/, /moved from another row/),
    );
    assert.throws(() => vault.store.get(UC2), isReason(VaultErrorReason.corrupt, /UC2-channel/));
    // A blob moved across kinds with the same id fails too.
    vault.store.put({ kind: 'cookie_file', id: 'UC1-channel' }, Buffer.from('cookie'));
    setBlob(db, UC1, rawBlob(db, { kind: 'cookie_file', id: 'UC1-channel' }));
    assert.throws(() => vault.store.get(UC1), isReason(VaultErrorReason.corrupt));
  });

  test('a different key file fails closed and never replaces the data key', () => {
    const { db } = freshDb();
    openVault(db, { providers: [keyFileProvider(keyA)] }).store.put(UC1, Buffer.from('1//kept'));
    const slotBefore = db.prepare('SELECT * FROM key_slots').all();

    const wrong = openVault(db, { providers: [keyFileProvider(keyB)] });
    const wrongKey = isReason(
      VaultErrorReason.wrongKey,
      /refresh token of channel "UC1-channel"/,
      /b\.key/,
      /did not create a new key/,
    );
    assert.throws(() => wrong.store.get(UC1), wrongKey);
    assert.throws(
      () => wrong.store.put(UC2, Buffer.from('x')),
      isReason(VaultErrorReason.wrongKey),
    );
    assert.deepEqual(db.prepare('SELECT * FROM key_slots').all(), slotBefore);
    assert.equal(db.prepare('SELECT count(*) FROM secrets').pluck().get(), 1);

    assert.equal(
      openVault(db, { providers: [keyFileProvider(keyA)] })
        .store.get(UC1)
        ?.toString(),
      '1//kept',
    );
  });

  test('slots exist but no configured provider has one: says which setting opens it', () => {
    const { db } = freshDb();
    openVault(db, { providers: [keyFileProvider(keyA)] }).store.put(UC1, Buffer.from('x'));
    const vault = openVault(db, { providers: [untouchable] });
    assert.throws(
      () => vault.store.get(UC1),
      isReason(VaultErrorReason.wrongKey, /DROPLINE_KEY_PROVIDER=file/, /untouched/),
    );
    assert.equal(vault.slots().length, 1);
  });

  test('secrets without any key slot are reported, and no key is made for them', () => {
    const { db } = freshDb();
    openVault(db, { providers: [keyFileProvider(keyA)] }).store.put(UC1, Buffer.from('x'));
    db.exec('DELETE FROM key_slots');
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    assert.throws(
      () => vault.store.put(UC2, Buffer.from('y')),
      isReason(VaultErrorReason.corrupt, /1 encrypted secret/),
    );
    assert.equal(vault.slots().length, 0);
  });

  test('a slot whose key fingerprint does not match is refused', () => {
    const { db } = freshDb();
    openVault(db, { providers: [keyFileProvider(keyA)] }).store.put(UC1, Buffer.from('x'));
    db.prepare("UPDATE key_slots SET key_id = 'ffff'").run();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    assert.throws(() => vault.store.get(UC1), isReason(VaultErrorReason.corrupt, /fingerprint/));
  });

  test('desktop without a keyring: basic_text is refused, a passphrase slot works', async () => {
    const { db } = freshDb();
    const basicText = safeStorageProvider(
      {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'basic_text',
        encryptString: () => assert.fail('must not encrypt with basic_text'),
        decryptString: () => assert.fail('must not decrypt with basic_text'),
      },
      'linux',
    );
    const vault = openVault(db, { providers: [basicText] });
    assert.throws(
      () => vault.store.put(UC1, Buffer.from('x')),
      isReason(VaultErrorReason.passphraseRequired, /basic_text/, /passphrase/),
    );
    assert.equal(vault.slots().length, 0);

    vault.addProvider(await passphraseProvider('a long vault passphrase'));
    vault.store.put(UC1, Buffer.from('1//behind-passphrase'));
    assert.deepEqual(
      vault.slots().map((s) => s.provider),
      ['passphrase'],
    );

    // Next start: the passphrase is asked for, and a wrong one is refused.
    const next = openVault(db, { providers: [basicText] });
    assert.throws(
      () => next.store.get(UC1),
      isReason(VaultErrorReason.passphraseRequired, /enter the vault passphrase/),
    );
    next.addProvider(
      await passphraseProvider('not the passphrase', next.wrappedSlot('passphrase')),
    );
    assert.throws(
      () => next.store.get(UC1),
      isReason(VaultErrorReason.wrongKey, /passphrase is wrong/),
    );
    next.addProvider(
      await passphraseProvider('a long vault passphrase', next.wrappedSlot('passphrase')),
    );
    assert.equal(next.store.get(UC1)?.toString(), '1//behind-passphrase');
  });

  test('another slot opens the same secrets; the last slot cannot be removed', async () => {
    const { db } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    vault.store.put(UC1, Buffer.from('1//shared'));
    vault.addSlot(await passphraseProvider('second way in please'));
    assert.equal(vault.slots().length, 2);
    const viaPassphrase = openVault(db, {
      providers: [
        await passphraseProvider('second way in please', vault.wrappedSlot('passphrase')),
      ],
    });
    assert.equal(viaPassphrase.store.get(UC1)?.toString(), '1//shared');
    vault.removeSlot('file');
    assert.throws(
      () => vault.removeSlot('passphrase'),
      isReason(VaultErrorReason.invalid, /only one/),
    );
  });

  test('lock forgets the key; invalid refs are refused', () => {
    const { db } = freshDb();
    const vault = openVault(db, { providers: [keyFileProvider(keyA)] });
    vault.store.put(UC1, Buffer.from('x'));
    vault.lock();
    assert.equal(vault.isUnlocked(), false);
    assert.equal(vault.store.get(UC1)?.toString(), 'x');
    assert.throws(
      () => vault.store.put({ kind: 'id_token' as never, id: 'a' }, Buffer.from('x')),
      isReason(VaultErrorReason.invalid),
    );
    assert.throws(
      () => vault.store.put({ kind: 'refresh_token', id: '' }, Buffer.from('x')),
      isReason(VaultErrorReason.invalid),
    );
  });
});
