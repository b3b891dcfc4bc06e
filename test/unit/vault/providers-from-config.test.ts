import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { configFromEnv, parseKeyProvider } from '../../../src-main/core/config.ts';
import { keyProvidersFromConfig } from '../../../src-main/vault/providers-from-config.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

const base = { mode: 'headless' as const, version: '0.0.0', dataDirFlag: '/tmp/dl' };

describe('key provider selection (DROPLINE_KEY_PROVIDER)', () => {
  test('keychain is the default; file and the key path come from the environment', () => {
    assert.equal(configFromEnv({ ...base, env: {} }).keyProvider, 'keychain');
    const c = configFromEnv({
      ...base,
      env: { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: ' /etc/dropline/key ' },
    });
    assert.equal(c.keyProvider, 'file');
    assert.equal(c.masterKeyFile, '/etc/dropline/key');
    assert.equal(configFromEnv({ ...base, env: {} }).masterKeyFile, null);
  });

  test('a typo is refused instead of quietly using the keychain', () => {
    assert.throws(() => parseKeyProvider('flie'), /must be "keychain" or "file", not "flie"/);
  });

  test('headless keychain -> the OS keychain provider; desktop -> safeStorage', () => {
    const cfg = { dataDir: '/tmp/dl', keyProvider: 'keychain' as const, masterKeyFile: null };
    assert.deepEqual(
      keyProvidersFromConfig(cfg).map((p) => p.id),
      ['keychain'],
    );
    const ss = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    };
    assert.deepEqual(
      keyProvidersFromConfig(cfg, { safeStorage: ss }).map((p) => p.id),
      ['safe_storage'],
    );
  });

  test('file without DROPLINE_MASTER_KEY_FILE fails only when used, naming the variable', () => {
    const [p] = keyProvidersFromConfig({
      dataDir: '/tmp/dl',
      keyProvider: 'file',
      masterKeyFile: null,
    });
    assert.equal(p?.id, 'file');
    assert.throws(
      () => p!.wrap(randomBytes(32)),
      (err: unknown) =>
        err instanceof VaultError &&
        err.reason === VaultErrorReason.unavailable &&
        /DROPLINE_MASTER_KEY_FILE/.test(err.message),
    );
  });
});
