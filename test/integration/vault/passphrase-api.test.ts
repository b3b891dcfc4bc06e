import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/client.ts';
import { AppError } from '../../../src-shared/api/errors.ts';
import type { VaultStatus } from '../../../src-shared/api/vault.ts';
import type { CoreDeps } from '../../../src-main/core/create-core.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { keyFileProvider } from '../../../src-main/vault/key-file-provider.ts';
import { refusingProvider } from '../../../src-main/vault/key-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

// The lowest cost the slot parser accepts: the same code path, a fraction of the time.
const cheap = { logN: 14, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';
const CLIENT = { clientId: 'client-1.apps.googleusercontent.com', clientSecret: 'GOCSPX-kept' };

const noKeychain = () =>
  refusingProvider(
    'keychain',
    'the OS keychain (Secret Service)',
    new VaultError(VaultErrorReason.unavailable, 'The OS keychain is not running (no D-Bus).'),
  );

function start(dataDir: string, deps: CoreDeps) {
  const core = testCore(dataDir, {}, { startUploads: false, passphraseCost: cheap, ...deps });
  const api: ApiClient = createApiClient(memoryTransport(core.router, core.events));
  return { core, api };
}

const hasCode = (code: string, pattern?: RegExp) => (err: unknown) =>
  err instanceof AppError && err.code === code && (!pattern || pattern.test(err.message));

function slotBytes(core: ReturnType<typeof start>['core']): string {
  return JSON.stringify(
    core.db.prepare('SELECT provider, hex(wrapped_key) w, key_id FROM key_slots').all(),
  );
}

describe('vault passphrase through the API, against a real core', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  test('a passphrase set on a key-file vault unlocks it in a fresh core whose key file is gone', async () => {
    const dataDir = join(dir.path, 'a');
    const keyFile = join(dir.path, 'a.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const providers = () => [keyFileProvider(keyFile)];

    const first = start(dataDir, { keyProviders: providers });
    assert.equal((await first.api.invoke('vault.status', {})).state, 'not_created');
    await first.api.invoke('client.set', CLIENT);
    const heard: VaultStatus[] = [];
    first.api.on('vault.changed', (s) => heard.push(s));
    await assert.rejects(
      first.api.invoke('vault.setPassphrase', { passphrase: 'short' }),
      hasCode('weak_passphrase', /at least 12 characters/),
    );
    const set = await first.api.invoke('vault.setPassphrase', { passphrase: PASSPHRASE });
    assert.equal(set.hasPassphrase, true);
    assert.deepEqual(set.protections.map((p) => [p.kind, p.holdsKey, p.available]).sort(), [
      ['file', true, true],
      ['passphrase', true, true],
    ]);
    assert.equal(heard.at(-1)?.hasPassphrase, true, 'vault.changed announces the new slot');
    // No wrapped key, fingerprint or passphrase in what the API hands out.
    const rows = first.core.db.prepare('SELECT wrapped_key, key_id FROM key_slots').all() as {
      wrapped_key: Buffer;
      key_id: string;
    }[];
    const payload = JSON.stringify([set, heard, await first.api.invoke('vault.status', {})]);
    for (const row of rows) {
      for (const form of [
        row.key_id,
        row.wrapped_key.toString('hex'),
        row.wrapped_key.toString('base64'),
      ])
        assert.ok(
          !payload.toLowerCase().includes(form.toLowerCase().slice(0, 24)),
          'key material in a status',
        );
    }
    assert.ok(!payload.includes(PASSPHRASE));
    await first.core.close();

    rmSync(keyFile);
    const second = start(dataDir, { keyProviders: providers });
    const locked = await second.api.invoke('vault.status', {});
    assert.equal(locked.state, 'locked');
    assert.equal(locked.needsPassphrase, true);
    assert.match(locked.message ?? '', /enter the vault passphrase in Settings/);
    const file = locked.protections.find((p) => p.kind === 'file');
    assert.equal(file?.available, false);
    assert.match(file?.problem ?? '', /does not exist/);

    // A service that needs a secret says what to do instead of failing obscurely.
    await assert.rejects(
      second.api.invoke('channels.connect', { openBrowser: false }),
      hasCode(VaultErrorReason.passphraseRequired, /OAuth client secret.*Settings/s),
    );

    const before = slotBytes(second.core);
    await assert.rejects(
      second.api.invoke('vault.unlock', { passphrase: 'not the right passphrase' }),
      hasCode(VaultErrorReason.wrongKey, /passphrase is wrong/),
    );
    assert.equal(slotBytes(second.core), before, 'a wrong passphrase changes nothing stored');
    assert.equal((await second.api.invoke('vault.status', {})).state, 'locked');

    const events: VaultStatus[] = [];
    second.api.on('vault.changed', (s) => events.push(s));
    const unlocked = await second.api.invoke('vault.unlock', { passphrase: PASSPHRASE });
    assert.equal(unlocked.state, 'unlocked');
    assert.equal(events.at(-1)?.state, 'unlocked');
    assert.equal(second.core.services.channels.clients.credentials()?.clientSecret, 'GOCSPX-kept');
    await second.core.close();
  });

  test('no keychain: setting a passphrase creates the vault; it is the only slot and cannot be removed', async () => {
    const dataDir = join(dir.path, 'b');
    const { core, api } = start(dataDir, { keyProviders: () => [noKeychain()] });
    const fresh = await api.invoke('vault.status', {});
    assert.equal(fresh.state, 'not_created');
    assert.match(fresh.message ?? '', /keychain is not running.*Set a passphrase/s);
    assert.equal(fresh.protections[0]?.available, false);

    const set = await api.invoke('vault.setPassphrase', { passphrase: PASSPHRASE });
    assert.equal(set.state, 'unlocked');
    assert.deepEqual(
      core.services.vault.slots().map((s) => s.provider),
      ['passphrase'],
    );
    await api.invoke('client.set', CLIENT);
    await assert.rejects(
      api.invoke('vault.removePassphrase', {}),
      hasCode(VaultErrorReason.invalid, /only way to open this vault/),
    );
    assert.equal((await api.invoke('vault.status', {})).hasPassphrase, true);
    await core.close();

    const again = start(dataDir, { keyProviders: () => [noKeychain()] });
    assert.equal((await again.api.invoke('vault.status', {})).needsPassphrase, true);
    await again.api.invoke('vault.unlock', { passphrase: PASSPHRASE });
    assert.equal(again.core.services.channels.clients.credentials()?.clientSecret, 'GOCSPX-kept');
    await again.core.close();
  });

  test('removePassphrase: refused while the key file no longer fits, allowed once it does', async () => {
    const dataDir = join(dir.path, 'c');
    const keyFile = join(dir.path, 'c.key');
    const original = randomBytes(32);
    writeFileSync(keyFile, original, { mode: 0o600 });
    const { core, api } = start(dataDir, { keyProviders: () => [keyFileProvider(keyFile)] });
    await api.invoke('client.set', CLIENT);
    await api.invoke('vault.setPassphrase', { passphrase: PASSPHRASE });
    // Replace the passphrase: the slot is re-wrapped, the old one no longer opens it.
    await api.invoke('vault.setPassphrase', { passphrase: 'a newer longer passphrase' });
    await assert.rejects(
      api.invoke('vault.unlock', { passphrase: PASSPHRASE }),
      hasCode(VaultErrorReason.wrongKey),
    );

    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    await assert.rejects(
      api.invoke('vault.removePassphrase', {}),
      hasCode(VaultErrorReason.invalid, /only way.*does not open this vault/s),
    );
    writeFileSync(keyFile, original, { mode: 0o600 });
    const removed = await api.invoke('vault.removePassphrase', {});
    assert.equal(removed.hasPassphrase, false);
    assert.deepEqual(
      removed.protections.map((p) => p.kind),
      ['file'],
    );
    await core.close();
  });

  test('unlock on a vault without a passphrase, and setPassphrase on a locked vault, say what to do', async () => {
    const dataDir = join(dir.path, 'd');
    const keyFile = join(dir.path, 'd.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const first = start(dataDir, { keyProviders: () => [keyFileProvider(keyFile)] });
    await first.api.invoke('client.set', CLIENT);
    await first.core.close();
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const { core, api } = start(dataDir, { keyProviders: () => [keyFileProvider(keyFile)] });
    const status = await api.invoke('vault.status', {});
    assert.equal(status.state, 'locked');
    assert.equal(status.needsPassphrase, false);
    await assert.rejects(
      api.invoke('vault.unlock', { passphrase: PASSPHRASE }),
      hasCode(VaultErrorReason.invalid, /no passphrase/),
    );
    await assert.rejects(
      api.invoke('vault.setPassphrase', { passphrase: PASSPHRASE }),
      hasCode(VaultErrorReason.wrongKey, /Unlock the vault first/),
    );
    assert.deepEqual(
      core.services.vault.slots().map((s) => s.provider),
      ['file'],
    );
    await core.close();
  });
});

describe('after the passphrase opens the vault, a working configured provider keeps the key again', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  test('a replaced key file is re-protected, so the next start opens the vault without the passphrase', async () => {
    const dataDir = join(dir.path, 'r');
    const keyFile = join(dir.path, 'r.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const providers = () => [keyFileProvider(keyFile)];
    const first = start(dataDir, { keyProviders: providers });
    await first.api.invoke('client.set', CLIENT);
    await first.api.invoke('vault.setPassphrase', { passphrase: PASSPHRASE });
    await first.core.close();

    // The server was rebuilt: a new key file, the same database.
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const second = start(dataDir, { keyProviders: providers });
    assert.equal((await second.api.invoke('vault.status', {})).state, 'locked');
    const unlocked = await second.api.invoke('vault.unlock', { passphrase: PASSPHRASE });
    const file = unlocked.protections.find((p) => p.kind === 'file');
    assert.equal(file?.holdsKey, true);
    assert.equal(file?.available, true, 'the new key file opens the vault now');
    await second.core.close();

    const third = start(dataDir, { keyProviders: providers });
    assert.equal(third.core.services.channels.clients.credentials()?.clientSecret, 'GOCSPX-kept');
    assert.equal((await third.api.invoke('vault.status', {})).state, 'unlocked');
    await third.core.close();
  });
});
