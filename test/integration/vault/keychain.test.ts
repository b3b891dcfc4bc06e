// The real OS keychain. On Linux it runs against a private Secret Service:
//   dbus-run-session -- sh -c 'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; node --test test/integration/vault/keychain.test.ts'
// When no keychain answers but dbus-run-session and gnome-keyring-daemon are
// installed (CI's plain `npm test`), the file starts that session itself and
// runs again inside it. Otherwise it is skipped with the reason, except with
// CI=true, where it fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../../src-main/db/database.ts';
import {
  KEYCHAIN_SERVICE,
  keychainAccount,
  napiKeychain,
} from '../../../src-main/vault/keychain-provider.ts';
import { keyProvidersFromConfig } from '../../../src-main/vault/providers-from-config.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { openVault } from '../../../src-main/vault/vault.ts';

const SESSION_MARK = 'DROPLINE_TEST_PRIVATE_KEYRING';

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

const installed = (cmd: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

const why = keychainUnreachable();
const canStartSession =
  why !== null &&
  process.platform === 'linux' &&
  process.env[SESSION_MARK] !== '1' &&
  installed('dbus-run-session') &&
  installed('gnome-keyring-daemon');
if (why && !canStartSession && process.env.CI === 'true') {
  throw new Error(
    `CI=true but no OS keychain is reachable (${why}); install dbus and gnome-keyring, or run under dbus-run-session with gnome-keyring-daemon.`,
  );
}

describe('real OS keychain in a private Secret Service session', { skip: !canStartSession }, () => {
  test('the keychain tests pass inside dbus-run-session + gnome-keyring-daemon', () => {
    // A throwaway home: the daemon creates its login keyring there, not in the user's.
    const home = mkdtempSync(join(tmpdir(), 'dropline-keyring-home-'));
    // Without this the nested runner would talk the parent runner's child protocol, not print results.
    const { NODE_TEST_CONTEXT: _parent, ...env } = process.env;
    try {
      const run = spawnSync(
        'dbus-run-session',
        [
          '--',
          'sh',
          '-c',
          'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" --test --test-reporter=spec "$1"',
          process.execPath,
          fileURLToPath(import.meta.url),
        ],
        {
          // CI=true inside: a keychain that still does not answer fails instead of skipping.
          env: { ...env, [SESSION_MARK]: '1', CI: 'true', HOME: home, XDG_DATA_HOME: home },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      assert.equal(
        run.status,
        0,
        `keychain tests failed inside the session:\n${run.stdout}\n${run.stderr}`,
      );
      assert.match(run.stdout, /pass 2/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe(
  'vault with the real OS keychain',
  {
    skip: why
      ? `no OS keychain reachable: ${why}${canStartSession ? ' (run in a private session above)' : ''}`
      : false,
  },
  () => {
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

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'dropline-keychain-'));
      dataDir = join(dir, 'data');
    });
    after(() => {
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
  },
);
