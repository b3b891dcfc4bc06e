import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { readServiceFile } from '../../../src-main/engine-process/service-file.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const BIN = fileURLToPath(new URL('../../../bin/dropline.js', import.meta.url));
const CLIENT_ID = '100000000009-pscheck.apps.googleusercontent.com';
const SECRET = `GOCSPX-${randomBytes(12).toString('hex')}`;

/** What `ps` shows for a process: its argv, NUL-separated, from /proc. */
function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
}

describe('dropline client set never takes the secret from its arguments unless told to', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let serve: ServeProcess;
  let env: Record<string, string>;
  const clientInUse = async (): Promise<string | null> => {
    const engine = await connectToEngine(serve.url, readServiceFile(data)!.token);
    try {
      return (await engine.api.invoke('client.get', {})).clientId;
    } finally {
      engine.close();
    }
  };

  beforeAll(async () => {
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    env = { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile };
    serve = await startServeProcess({ dataDir: data, env });
  });
  afterAll(async () => {
    await serve?.stop();
    dir.remove();
  });

  test('ps shows no secret while `client set --id ID` reads it from stdin', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'client', 'set', '--id', CLIENT_ID, '--json', '--data-dir', data],
      { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    await once(child, 'spawn');
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (err += String(c)));
    // stdin is still open: the command cannot have finished, it is waiting for the secret.
    const shown = commandLine(child.pid!);
    assert.match(shown, /client set --id/);
    assert.doesNotMatch(shown, new RegExp(SECRET));
    assert.doesNotMatch(shown, /GOCSPX/);
    child.stdin.end(`${SECRET}\n`);
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0, err);
    assert.equal(JSON.parse(out).clientId, CLIENT_ID);
    assert.doesNotMatch(err, /Warning/);
  });

  test('--secret-file reads the first line of a file', async () => {
    const file = join(dir.path, 'secret.txt');
    writeFileSync(file, `${SECRET}\nignored\n`, { mode: 0o600 });
    const r = await runDropline(
      ['client', 'set', '--id', CLIENT_ID, '--secret-file', file, '--data-dir', data],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /OAuth client set: 100000000009-pscheck/);
  });

  test('--secret still works, with a warning on stderr (and there ps shows it: the reason for the warning)', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'client', 'set', '--id', CLIENT_ID, '--secret', SECRET, '--data-dir', data],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await once(child, 'spawn');
    assert.match(commandLine(child.pid!), new RegExp(SECRET));
    let err = '';
    child.stderr.on('data', (c) => (err += String(c)));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0, err);
    assert.match(err, /Warning: --secret shows the client secret .*--secret-file/);
  });

  test('`client set --id not-an-id` exits 2 before asking for a secret, and the working client stays', async () => {
    const r = await runDropline(
      ['client', 'set', '--id', 'not-an-id', '--data-dir', data],
      env,
      `${SECRET}\n`,
    );
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /"not-an-id" is not a Google OAuth client id/);
    const typo = await runDropline(
      ['client', 'set', '--id', 'not-an-id', '--secret', SECRET, '--data-dir', data],
      env,
    );
    assert.equal(typo.code, 2);
    assert.doesNotMatch(typo.stderr, new RegExp(SECRET));
    assert.equal(await clientInUse(), CLIENT_ID);
  });
});
