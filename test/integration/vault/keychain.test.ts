// The real OS keychain. On Linux it runs against the private Secret Service (D-Bus session
// plus gnome-keyring) that test/setup/global-setup.ts starts for the whole run, never against
// the developer's own keyring. Without dbus and gnome-keyring the file is skipped (the run's
// first lines name the packages); with CI=true they are required.
import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/database.ts';
import {
  KEYCHAIN_SERVICE,
  keychainAccount,
  napiKeychain,
} from '../../../src-main/vault/keychain-provider.ts';
import { keyProvidersFromConfig } from '../../../src-main/vault/providers-from-config.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { openVault } from '../../../src-main/vault/vault.ts';
import { lacks } from '../../helpers/system-tools.ts';

/** null when a throwaway entry can be written, read back and deleted; else why not. */
function keychainUnreachable(): string | null {
  try {
    // Constructing the entry already fails when the pinned Secret Service is absent.
    const entry = napiKeychain()(`${KEYCHAIN_SERVICE}-probe`, `probe-${process.pid}`);
    entry.setPassword('probe');
    const back = entry.getPassword();
    entry.deletePassword();
    return back === 'probe' ? null : 'the keychain did not return what was stored';
  } catch (err) {
    return (err as Error).message.split('\n')[0] ?? 'unknown error';
  }
}

const skip = lacks('secretService');

test.skipIf(skip)('the private Secret Service of the test run answers', () => {
  assert.equal(keychainUnreachable(), null);
});

describe('vault with the real OS keychain', { skip }, () => {
  let dir: string;
  let dataDir: string;
  const dbs: Db[] = [];
  const ref = { kind: 'refresh_token', id: 'UCkeychain' } as const;
  const config = () => ({ dataDir, keyProvider: 'keychain' as const, masterKeyFile: null });
  const entry = () => napiKeychain()(KEYCHAIN_SERVICE, keychainAccount(dataDir));
  const open = () => {
    const db = openDatabase(join(dataDir, 'dropline.db'));
    dbs.push(db);
    return { db, vault: openVault(db, { providers: () => keyProvidersFromConfig(config()) }) };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dropline-keychain-'));
    dataDir = join(dir, 'data');
  });
  afterAll(() => {
    for (const db of dbs) if (db.open) db.close();
    try {
      entry().deletePassword();
    } catch {
      // The keychain went away: nothing left to clean there.
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('round trip; the key-encryption key lives in the keychain and survives a restart', () => {
    const secret = `1//keychain-${randomBytes(8).toString('hex')}`;
    const first = open();
    first.vault.store.put(ref, Buffer.from(secret));
    assert.equal(first.vault.store.get(ref)?.toString(), secret);
    assert.deepEqual(
      first.vault.slots().map((s) => s.provider),
      ['keychain'],
    );
    first.vault.lock();
    first.db.close();

    const stored = entry().getPassword();
    assert.ok(stored, 'a Dropline entry exists in the keychain');
    const kek = Buffer.from(stored, 'base64');
    assert.equal(kek.length, 32);

    const second = open();
    assert.equal(second.vault.store.get(ref)?.toString(), secret);
    second.db.close();
    const bytes = Buffer.concat([readFileSync(join(dataDir, 'dropline.db'))]);
    assert.equal(bytes.indexOf(Buffer.from(secret)), -1, 'no plaintext in the database');
    assert.equal(bytes.indexOf(kek), -1, 'the keychain key is not in the database');
  });

  test('a deleted keychain entry fails closed and is not silently recreated', () => {
    assert.equal(entry().deletePassword(), true);
    const { vault, db } = open();
    const slots = db.prepare('SELECT * FROM key_slots').all();
    assert.throws(
      () => vault.store.get(ref),
      (err: unknown) =>
        err instanceof VaultError &&
        err.reason === VaultErrorReason.wrongKey &&
        /UCkeychain/.test(err.message) &&
        /no Dropline key/.test(err.message),
    );
    assert.equal(entry().getPassword(), null, 'no new key-encryption key was made');
    assert.deepEqual(db.prepare('SELECT * FROM key_slots').all(), slots);
  });
});
