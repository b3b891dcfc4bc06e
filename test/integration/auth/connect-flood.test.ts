import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { MAX_WAITING_SIGN_INS, type ConnectStarted } from '../../../src-shared/api/channels.ts';
import type { ConnectOutcome } from '../../../src-shared/domain/channel.ts';
import { keyFileProvider } from '../../../src-main/vault/key-file-provider.ts';
import { runDropline, startServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

const BIN = fileURLToPath(new URL('../../../bin/dropline.js', import.meta.url));
const CLIENT = {
  clientId: '100000000001-flood.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-flood',
};

/** 'open' when something listens on 127.0.0.1:port, 'refused' when nothing does. */
function probe(port: number): Promise<'open' | 'refused'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', () => resolve('refused'));
  });
}

const portOf = (started: ConnectStarted) =>
  Number(new URL(new URL(started.authorizationUrl).searchParams.get('redirect_uri')!).port);

describe('sign-in flows are bounded', () => {
  test('200 concurrent channels.connect calls leave only the newest few listening; the rest end as replaced', async () => {
    const dir = tempDir();
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const core = testCore(
      join(dir.path, 'data'),
      {},
      { keyProviders: () => [keyFileProvider(keyFile)], startUploads: false },
    );
    const ctx = { transport: 'memory' } as const;
    try {
      assert.equal((await core.router.dispatch('client.set', CLIENT, ctx)).ok, true);
      const results = await Promise.all(
        Array.from({ length: 200 }, () =>
          core.router.dispatch('channels.connect', { openBrowser: false }, ctx),
        ),
      );
      const started = results.map((r) => {
        assert.ok(r.ok, JSON.stringify(r));
        return r.output as ConnectStarted;
      });
      assert.equal(core.services.channels.connect.waitingCount(), MAX_WAITING_SIGN_INS);
      const newest = started.slice(-MAX_WAITING_SIGN_INS);
      const replaced = started.slice(0, -MAX_WAITING_SIGN_INS);
      for (const flow of newest) assert.equal(await probe(portOf(flow)), 'open');
      // A closed listener's port is free for the system to hand out again, and with 200 listeners
      // one of the newest can get it (a clean-clone run saw 'open' here): those are not probed.
      const stillUsed = new Set(newest.map(portOf));
      const closed = [...replaced.slice(0, 5), ...replaced.slice(-5)].filter(
        (flow) => !stillUsed.has(portOf(flow)),
      );
      assert.ok(closed.length >= 5, 'enough replaced sign-ins to probe');
      for (const flow of closed)
        assert.equal(await probe(portOf(flow)), 'refused', 'its listener is closed');
      const outcome = await core.router.dispatch(
        'channels.connectResult',
        { flowId: replaced.at(-1)!.flowId },
        ctx,
      );
      assert.ok(outcome.ok);
      const ended = outcome.output as ConnectOutcome;
      assert.equal(ended.status, 'failed');
      assert.equal(ended.status === 'failed' && ended.error.code, 'sign_in_replaced');
      // Each start names the sign-in that was already waiting, so it can be finished instead.
      assert.equal(started[0]!.alreadyWaiting, null);
      assert.equal(started.at(-1)!.alreadyWaiting?.flowId, started.at(-2)!.flowId);
    } finally {
      await core.close();
      dir.remove();
    }
  });

  test('`dropline connect` says a sign-in is already waiting, with its URL', async () => {
    const dir = tempDir();
    const data = join(dir.path, 'data');
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const env = { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile };
    const serve = await startServeProcess({ dataDir: data, env });
    const children: ReturnType<typeof spawn>[] = [];
    const connectCli = async () => {
      const child = spawn(process.execPath, [BIN, 'connect', '--no-browser', '--data-dir', data], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      let err = '';
      child.stderr!.on('data', (c) => (err += String(c)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (c) => {
          out += String(c);
          const m = /Open this URL to connect a channel: (\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`connect exited: ${err}`)));
      });
      return { url, stderr: () => err };
    };
    try {
      const set = await runDropline(
        ['client', 'set', '--id', CLIENT.clientId, '--data-dir', data],
        env,
        `${CLIENT.clientSecret}\n`,
      );
      assert.equal(set.code, 0, set.stderr);
      const first = await connectCli();
      assert.doesNotMatch(first.stderr(), /already waiting/);
      const second = await connectCli();
      assert.match(second.stderr(), /A sign-in is already waiting: (\S+)/);
      assert.equal(/A sign-in is already waiting: (\S+)/.exec(second.stderr())![1], first.url);
    } finally {
      for (const child of children) {
        if (child.exitCode === null) {
          child.kill('SIGINT');
          await once(child, 'exit');
        }
      }
      await serve.stop();
      dir.remove();
    }
  });
});
