import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../../../src-main/core/config.ts';
import { createCore } from '../../../src-main/core/create-core.ts';
import { silentSink } from '../../../src-main/logging/logger.ts';
import { keychainProvider } from '../../../src-main/vault/keychain-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

const ref = { kind: 'refresh_token', id: 'UCwired' } as const;

describe('vault in the core', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dropline-core-vault-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('DROPLINE_KEY_PROVIDER=file: secrets round-trip through services.vault', async () => {
    const keyFile = join(dir, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const env = { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile };
    const config = configFromEnv({
      env,
      mode: 'headless',
      version: 't',
      dataDirFlag: join(dir, 'a'),
    });
    const core = createCore(config, { logSink: silentSink });
    core.services.vault.store.put(ref, Buffer.from('1//wired'));
    await core.close();
    const again = createCore(config, { logSink: silentSink });
    assert.equal(again.services.vault.store.get(ref)?.toString(), '1//wired');
    await again.close();
  });

  test('without a keychain the engine still starts; storing a secret names the fix', async () => {
    const config = configFromEnv({
      env: {},
      mode: 'headless',
      version: 't',
      dataDirFlag: join(dir, 'b'),
    });
    const noKeychain = () => {
      throw new Error('Platform failure: DBus error: no session bus');
    };
    const core = createCore(config, {
      logSink: silentSink,
      keyProviders: () => [
        keychainProvider({ dataDir: config.dataDir, entries: noKeychain, platform: 'linux' }),
      ],
    });
    assert.equal(core.services.vault.store.get(ref), null);
    assert.throws(
      () => core.services.vault.store.put(ref, Buffer.from('x')),
      (err: unknown) =>
        err instanceof VaultError &&
        err.reason === VaultErrorReason.unavailable &&
        err.retryable &&
        /refresh token of channel "UCwired"/.test(err.message) &&
        /DROPLINE_KEY_PROVIDER=file and DROPLINE_MASTER_KEY_FILE/.test(err.message),
    );
    await core.close();
  });

  test(
    'the real default (keychain through @napi-rs/keyring) with no session bus is lazy and clear',
    // The Secret Service pin is Linux-only.
    { skip: process.platform !== 'linux' },
    async () => {
      // A bus that cannot exist: the native library must not find any keychain.
      process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/dropline-test-bus';
      const config = configFromEnv({
        env: {},
        mode: 'headless',
        version: 't',
        dataDirFlag: join(dir, 'c'),
      });
      const core = createCore(config, { logSink: silentSink });
      assert.equal(core.services.vault.store.get(ref), null);
      assert.throws(
        () => core.services.vault.store.put(ref, Buffer.from('x')),
        (err: unknown) =>
          err instanceof VaultError &&
          /Secret Service/.test(err.message) &&
          /DROPLINE_KEY_PROVIDER=file/.test(err.message),
      );
      assert.equal(core.services.vault.slots().length, 0);
      await core.close();
    },
  );
});
