import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  keychainAccount,
  keychainProvider,
  napiKeychain,
  type KeychainEntryFactory,
  type KeychainEntryLike,
} from '../../../src-main/vault/keychain-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

/** An in-memory keychain keyed by service + account. */
function fakeKeychain(): { entries: KeychainEntryFactory; store: Map<string, string> } {
  const store = new Map<string, string>();
  const entries: KeychainEntryFactory = (service, account) => {
    const k = `${service}\n${account}`;
    return {
      getPassword: () => store.get(k) ?? null,
      setPassword: (p) => void store.set(k, p),
      deletePassword: () => store.delete(k),
    };
  };
  return { entries, store };
}

const isReason = (reason: string, text?: RegExp) => (err: unknown) =>
  err instanceof VaultError && err.reason === reason && (!text || text.test(err.message));

describe('keychain key provider', () => {
  test('creates one random key-encryption key under service "Dropline" and reuses it', () => {
    const kc = fakeKeychain();
    const p = keychainProvider({ dataDir: '/data/a', entries: kc.entries, platform: 'linux' });
    const key = randomBytes(32);
    const wrapped = p.wrap(key);
    assert.equal(kc.store.size, 1);
    const [name, stored] = [...kc.store.entries()][0]!;
    assert.ok(name.startsWith('Dropline\n'));
    assert.equal(Buffer.from(stored, 'base64').length, 32);
    assert.ok(!wrapped.includes(key));
    assert.deepEqual(p.unwrap(wrapped), key);
    p.wrap(randomBytes(32));
    assert.equal(kc.store.get(name), stored, 'the existing key is kept');
  });

  test('the account is derived from the data dir, so two dirs have two keys', () => {
    assert.notEqual(keychainAccount('/data/a'), keychainAccount('/data/b'));
    assert.equal(keychainAccount('/data/a'), keychainAccount('/data/./a/'));
  });

  test('an unreachable keychain names the headless fix', () => {
    const failing: KeychainEntryFactory = () => {
      throw new Error('Platform failure: DBus error: no session bus');
    };
    const p = keychainProvider({ dataDir: '/d', entries: failing, platform: 'linux' });
    assert.throws(
      () => p.wrap(randomBytes(32)),
      isReason(
        VaultErrorReason.unavailable,
        /DROPLINE_KEY_PROVIDER=file.*DROPLINE_MASTER_KEY_FILE/s,
      ),
    );
  });

  test('a keychain that drops what it is given is refused', () => {
    const forgetful: KeychainEntryFactory = () => ({
      getPassword: () => null,
      setPassword: () => {},
      deletePassword: () => false,
    });
    const p = keychainProvider({ dataDir: '/d', entries: forgetful, platform: 'linux' });
    assert.throws(
      () => p.wrap(randomBytes(32)),
      isReason(VaultErrorReason.unavailable, /does not return it/),
    );
  });

  test('a deleted keychain entry fails closed instead of making a new key', () => {
    const kc = fakeKeychain();
    const p = keychainProvider({ dataDir: '/d', entries: kc.entries, platform: 'linux' });
    const wrapped = p.wrap(randomBytes(32));
    kc.store.clear();
    assert.throws(() => p.unwrap(wrapped), isReason(VaultErrorReason.wrongKey, /no Dropline key/));
    assert.equal(kc.store.size, 0, 'unwrap never creates a key');
  });

  test('a replaced keychain entry is a wrong key', () => {
    const kc = fakeKeychain();
    const p = keychainProvider({ dataDir: '/d', entries: kc.entries, platform: 'linux' });
    const wrapped = p.wrap(randomBytes(32));
    for (const k of kc.store.keys()) kc.store.set(k, randomBytes(32).toString('base64'));
    assert.throws(
      () => p.unwrap(wrapped),
      isReason(VaultErrorReason.wrongKey, /does not open this vault/),
    );
  });

  test('on Linux the real entry is pinned to the Secret Service, never the kernel keyring', () => {
    const calls: unknown[][] = [];
    class FakeEntry implements KeychainEntryLike {
      constructor(...args: unknown[]) {
        calls.push(args);
      }
      getPassword(): string | null {
        return null;
      }
      setPassword(): void {}
      deletePassword(): boolean {
        return false;
      }
    }
    const load = () => ({ Entry: FakeEntry }) as never;
    napiKeychain('linux', load)('Dropline', 'acct');
    napiKeychain('darwin', load)('Dropline', 'acct');
    assert.deepEqual(calls[0], ['Dropline', 'acct', { linux: { store: 'secret-service' } }]);
    assert.deepEqual(calls[1], ['Dropline', 'acct']);
  });
});
