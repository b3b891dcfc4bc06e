import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { backupDir } from '../../../src-main/db/backups.ts';
import { DatabaseUnusableError } from '../../../src-main/db/database-health.ts';
import { startHeadlessServer } from '../../../src-main/transport/server.ts';
import {
  keychainProvider,
  type KeychainEntryLike,
} from '../../../src-main/vault/keychain-provider.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const DAY = 24 * 60 * 60 * 1000;
const BIN = fileURLToPath(new URL('../../../bin/dropline.js', import.meta.url));

/** An in-memory keychain (the KeyProvider's I/O edge), so a test can say "the keychain holds a key". */
function memoryKeychain(): (service: string, account: string) => KeychainEntryLike {
  const store = new Map<string, string>();
  return (service, account) => {
    const key = `${service}/${account}`;
    return {
      getPassword: () => store.get(key) ?? null,
      setPassword: (p) => void store.set(key, p),
      deletePassword: () => store.delete(key),
    };
  };
}

/** A data dir whose database holds a stored secret and a few rows, closed cleanly. */
async function populated(dataDir: string, clock = new FakeClock()) {
  const keychain = memoryKeychain();
  const providers = () => [keychainProvider({ dataDir, entries: keychain, platform: 'linux' })];
  const core = testCore(dataDir, {}, { clock, keyProviders: providers, startUploads: false });
  core.services.vault.store.put(
    { kind: 'oauth_client_secret', id: 'c' },
    Buffer.from('GOCSPX-kept'),
  );
  for (let i = 0; i < 200; i++)
    core.db
      .prepare('INSERT INTO ui_sessions (id_hash, created_at, last_seen_at) VALUES (?, ?, ?)')
      .run(randomBytes(32).toString('hex'), 'x', 'y');
  await core.close();
  return { keychain, providers };
}

/** `dropline serve`: its exit code and stderr; one that starts after all is stopped and reported. */
async function serveOnce(
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-open', '--data-dir', dataDir], {
    env: { ...process.env, DROPLINE_KEY_PROVIDER: 'file' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += String(c);
    if (stdout.includes('Dropline is running')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (c) => (stderr += String(c)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('a damaged or emptied database is found at start and left untouched', () => {
  test(
    'pages 4–7 overwritten with random bytes: `dropline serve` refuses in one line naming the file and what to do',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      try {
        const data = join(dir.path, 'data');
        await populated(data);
        const file = join(data, 'dropline.db');
        const reader = new Database(file, { readonly: true });
        const pageSize = reader.pragma('page_size', { simple: true }) as number;
        reader.close();
        const fd = openSync(file, 'r+');
        writeSync(fd, randomBytes(4 * pageSize), 0, 4 * pageSize, 3 * pageSize);
        closeSync(fd);
        const before = sha256(file);
        const serve = await serveOnce(data);
        assert.equal(serve.code, 1, serve.stdout);
        const lines = serve.stderr.trim().split('\n');
        assert.equal(lines.length, 1, serve.stderr);
        assert.match(lines[0]!, new RegExp(`The database ${file} is damaged \\(quick_check: `));
        assert.match(lines[0]!, /move it aside \(mv .*dropline\.db\.damaged'\) to start afresh/);
        assert.equal(sha256(file), before, 'the damaged file is untouched');
        assert.ok(!existsSync(`${file}-wal`) || readFileSync(`${file}-wal`).length === 0);
      } finally {
        dir.remove();
      }
    },
  );

  test('a 0-byte dropline.db is not a fresh install when the keychain holds this folder’s key', async () => {
    const dir = tempDir();
    try {
      const data = join(dir.path, 'data');
      const { providers } = await populated(data);
      const file = join(data, 'dropline.db');
      writeFileSync(file, '');
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(file + suffix)) writeFileSync(file + suffix, '');
      assert.throws(
        () => testCore(data, {}, { keyProviders: providers, startUploads: false }),
        (error: Error) => {
          assert.ok(error instanceof DatabaseUnusableError);
          assert.match(
            error.message,
            /is empty \(0 bytes\), but the OS keychain \(Secret Service\) holds a Dropline vault key for this data folder: this is not a fresh install/,
          );
          assert.match(error.message, /to start afresh on purpose, delete the empty file/);
          return true;
        },
      );
      assert.equal(readFileSync(file).length, 0, 'still empty: nothing was created in it');
      // Without any trace of a vault, an empty file is a fresh install.
      const fresh = tempDir();
      writeFileSync(join(fresh.path, 'dropline.db'), '');
      const core = testCore(fresh.path, {}, { keyProviders: () => [], startUploads: false });
      await core.close();
      fresh.remove();
    } finally {
      dir.remove();
    }
  });

  test('a daily VACUUM INTO backup, two kept, on the engine’s clock; an empty database then points at the newest', async () => {
    const dir = tempDir();
    try {
      const data = join(dir.path, 'data');
      const clock = new FakeClock(Date.UTC(2026, 0, 5, 12, 0, 0));
      const core = testCore(data, {}, { clock, keyProviders: () => [] });
      const names = () => readdirSync(backupDir(join(data, 'dropline.db'))).sort();
      assert.deepEqual(names(), ['dropline-20260105T120000Z.db']);
      core.services.settings.set({ globalConcurrency: 3 });
      await clock.advance(DAY - 1);
      assert.equal(names().length, 1, 'not before a day has passed');
      await clock.advance(1);
      await clock.advance(DAY);
      assert.deepEqual(names(), ['dropline-20260106T120000Z.db', 'dropline-20260107T120000Z.db']);
      const newest = join(backupDir(join(data, 'dropline.db')), 'dropline-20260107T120000Z.db');
      const copy = new Database(newest, { readonly: true });
      assert.equal(copy.pragma('quick_check', { simple: true }), 'ok');
      assert.ok(
        (copy.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get() as number) > 0,
      );
      copy.close();
      await core.close();
      writeFileSync(join(data, 'dropline.db'), '');
      assert.throws(
        () => testCore(data, {}, { keyProviders: () => [], startUploads: false }),
        new RegExp(
          `backups of it exist \\(${newest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\).*cp '`,
        ),
      );
      // Restarting within the day makes no extra backup.
      writeFileSync(join(data, 'dropline.db'), readFileSync(newest));
      const again = testCore(data, {}, { clock, keyProviders: () => [] });
      assert.equal(names().length, 2);
      await again.close();
    } finally {
      dir.remove();
    }
  });

  test('a database locked by another program: the engine refuses in one line naming the file and what to do', async () => {
    const dir = tempDir();
    try {
      const data = join(dir.path, 'data');
      await populated(data);
      const file = join(data, 'dropline.db');
      // A database browser holding the file exclusively.
      const other = new Database(file);
      other.pragma('locking_mode = EXCLUSIVE');
      other.exec('BEGIN EXCLUSIVE; CREATE TABLE held (x); COMMIT;');
      try {
        const serve = await serveOnce(data);
        assert.equal(serve.code, 1, serve.stdout);
        assert.equal(serve.stderr.trim().split('\n').length, 1, serve.stderr);
        assert.match(
          serve.stderr,
          new RegExp(
            `The database ${file} is locked by another program \\(SQLITE_BUSY\\)\\. Close whatever holds it`,
          ),
        );
      } finally {
        other.close();
      }
    } finally {
      dir.remove();
    }
  });

  test('a database error inside a handler answers an error naming the file; the engine goes on (API and browser sign-in)', async () => {
    const dir = tempDir();
    const core = testCore(dir.path, {}, { keyProviders: () => [], startUploads: false });
    const server = await startHeadlessServer(core, { port: 0, rendererDir: dir.path });
    try {
      const postSession = () =>
        new Promise<{ status: number; body: string; nosniff: unknown }>((resolve, reject) => {
          const req = request(
            `${server.url}/api/session`,
            { method: 'POST', headers: { Authorization: `Bearer ${server.token}` } },
            (res) => {
              let body = '';
              res.on('data', (c) => (body += String(c)));
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  body,
                  nosniff: res.headers['x-content-type-options'],
                }),
              );
            },
          );
          req.on('error', reject);
          req.end();
        });
      assert.equal((await postSession()).status, 204);
      // The disk turns read-only under the engine: every write now fails with SQLITE_READONLY.
      core.db.pragma('query_only = ON');
      const signIn = await postSession();
      assert.equal(signIn.status, 503);
      assert.equal(signIn.nosniff, 'nosniff');
      assert.match(
        signIn.body,
        new RegExp(`Dropline cannot write ${core.db.name} \\(SQLITE_READONLY\\)`),
      );
      assert.ok(
        core.logLines.some((l) => l.includes('request failed')),
        'the failure is logged',
      );
      const add = await core.router.dispatch(
        'folders.add',
        { path: dir.path, channelIds: ['UCx'] },
        { transport: 'memory' },
      );
      assert.equal(add.ok, false);
      assert.equal(!add.ok && add.error.code, 'database_unavailable');
      assert.match(!add.ok ? add.error.message : '', /read-only\. Make it writable/);
      // Writable again: the same engine goes on.
      core.db.pragma('query_only = OFF');
      assert.equal((await postSession()).status, 204);
    } finally {
      await server.close();
      await core.close();
      dir.remove();
    }
  });
});
