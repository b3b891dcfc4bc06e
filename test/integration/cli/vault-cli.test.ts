import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const PASSPHRASE = 'a long home-server passphrase';
const CLIENT = ['--id', '123456789012-abc.apps.googleusercontent.com', '--secret', 'GOCSPX-kept'];

describe('dropline vault: status, passphrase set, unlock after the key file is lost', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'data');
  const keyFile = join(dir.path, 'master.key');
  const env = { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile };
  let serve: ServeProcess | undefined;
  const run = (args: string[], input?: string) =>
    runDropline([...args, '--data-dir', dataDir], env, input);
  const everything: string[] = [];
  const runLogged = async (args: string[], input?: string) => {
    const r = await run(args, input);
    everything.push(r.stdout, r.stderr);
    return r;
  };

  beforeAll(async () => {
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    serve = await startServeProcess({ dataDir, env });
  });
  afterAll(async () => {
    await serve?.stop();
    dir.remove();
  });

  test('a passphrase is set from piped stdin; a weak one is refused with exit 2', async () => {
    assert.equal((await runLogged(['client', 'set', ...CLIENT])).code, 0);
    const weak = await runLogged(['vault', 'passphrase', 'set'], 'short\n');
    assert.equal(weak.code, 2, weak.stderr);
    assert.match(weak.stderr, /at least 12 characters/);
    const set = await runLogged(['vault', 'passphrase', 'set', '--json'], `${PASSPHRASE}\n`);
    assert.equal(set.code, 0, set.stderr);
    const status = JSON.parse(set.stdout);
    assert.equal(status.state, 'unlocked');
    assert.equal(status.hasPassphrase, true);
  });

  test('after a restart with a different key file the vault is locked; unlock opens it', async () => {
    await serve?.stop();
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    serve = await startServeProcess({ dataDir, env });
    // Reading the client secret needs the vault: that is what tells the engine it is locked.
    const refused = await runLogged(['client', 'set', ...CLIENT]);
    assert.notEqual(refused.code, 0);
    const locked = JSON.parse((await runLogged(['vault', 'status', '--json'])).stdout);
    assert.equal(locked.state, 'locked');
    assert.equal(locked.needsPassphrase, true);

    const wrong = await runLogged(['vault', 'unlock'], 'not the passphrase at all\n');
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /passphrase/i);

    const secretFile = join(dir.path, 'passphrase.txt');
    writeFileSync(secretFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const unlocked = await runLogged(['vault', 'unlock', '--passphrase-file', secretFile]);
    assert.equal(unlocked.code, 0, unlocked.stderr);
    assert.match(unlocked.stdout, /Vault: unlocked/);
    assert.equal((await runLogged(['client', 'set', ...CLIENT])).code, 0);
  });

  test('usage errors name the problem; the passphrase is never printed', async () => {
    const bad = await runLogged(['vault', 'open']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown vault command "open"/);
    const missing = await runLogged([
      'vault',
      'unlock',
      '--passphrase-file',
      join(dir.path, 'nope'),
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--passphrase-file: cannot read/);
    const empty = await runLogged(['vault', 'unlock'], '\n');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /Standard input holds no passphrase/);
    const stray = await runLogged(['vault', 'status', '--passphrase-file', 'x']);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /only `vault unlock` and `vault passphrase set`/);
    for (const text of everything) assert.ok(!text.includes(PASSPHRASE), text);
  });
});
