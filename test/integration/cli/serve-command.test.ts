import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('dropline serve as a process', () => {
  const dir = tempDir();
  let serve: ServeProcess | undefined;
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    dir.remove();
  });

  test('publishes service.json (0600) and answers the API with its token', async () => {
    serve = await startServeProcess({ dataDir: dir.path });
    const file = join(dir.path, 'service.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const info = JSON.parse(readFileSync(file, 'utf8')) as {
      url: string;
      token: string;
      pid: number;
    };
    assert.equal(info.url, serve.url);
    assert.equal(info.pid, serve.child.pid);
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const conn = await connectToEngine(info.url, info.token);
    assert.equal((await conn.api.invoke('app.info', {})).mode, 'headless');
    conn.close();
  });

  test('a second engine on the same data directory refuses in one line naming the pid', async () => {
    const second = await runDropline(['serve', '--no-open', '--data-dir', dir.path]);
    assert.equal(second.code, 1);
    const lines = second.stderr
      .trim()
      .split('\n')
      .filter((l) => !/npm warn/i.test(l));
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', new RegExp(`pid ${serve?.child.pid}`));
  });

  test('status --json works next to a running engine', async () => {
    const status = await runDropline(['status', '--json', '--data-dir', dir.path]);
    assert.equal(status.code, 0);
    assert.ok(Array.isArray(JSON.parse(status.stdout)));
  });

  test('SIGTERM shuts down cleanly: exit 0, service.json and the lock removed', async () => {
    const code = await serve?.stop('SIGTERM');
    assert.equal(code, 0);
    assert.equal(existsSync(join(dir.path, 'service.json')), false);
    assert.equal(existsSync(join(dir.path, 'engine.lock')), false);
  });

  test('a lock left by a killed engine does not block the next start', async () => {
    const killed = await startServeProcess({ dataDir: dir.path });
    await killed.stop('SIGKILL');
    assert.equal(existsSync(join(dir.path, 'engine.lock')), true);
    serve = await startServeProcess({ dataDir: dir.path });
    assert.equal(await serve.stop('SIGINT'), 0);
  });
});

describe('dropline command line', () => {
  test('--help lists the commands and exits 0', async () => {
    const help = await runDropline(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /dropline serve/);
    assert.match(help.stdout, /dropline status/);
  });

  test('an unknown command is bad usage (exit 2)', async () => {
    const res = await runDropline(['frobnicate']);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /Unknown command "frobnicate"/);
  });

  test('status --json on an empty data directory prints [] and creates nothing', async () => {
    const dir = tempDir();
    try {
      const res = await runDropline(['status', '--json', '--data-dir', join(dir.path, 'none')]);
      assert.equal(res.code, 0);
      assert.deepEqual(JSON.parse(res.stdout), []);
      assert.equal(existsSync(join(dir.path, 'none')), false);
    } finally {
      dir.remove();
    }
  });

  test('a bad --port is bad usage naming the flag', async () => {
    const res = await runDropline([
      'serve',
      '--port',
      'abc',
      '--data-dir',
      '/tmp/never-used-dropline',
    ]);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /--port/);
  });
});
