import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { readServiceFile } from '../../../src-main/engine-process/service-file.ts';
import type { AppError } from '../../../src-shared/api/errors.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const MiB = 1024 * 1024;

/** A valid Desktop-app client_secret.json, padded to about `bytes` with an extra field. */
function bigClientSecret(bytes: number): string {
  return JSON.stringify({
    installed: {
      client_id: '100000000001-big.apps.googleusercontent.com',
      client_secret: 'GOCSPX-big',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      redirect_uris: ['http://localhost'],
      padding: 'p'.repeat(bytes),
    },
  });
}

describe('oversized inputs get a clear refusal, never a lost connection', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let serve: ServeProcess;
  let env: Record<string, string>;

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

  test('`client set --file` with a valid 10 MB client_secret.json exits 2 naming the file and the limit', async () => {
    const file = join(dir.path, 'client_secret.json');
    writeFileSync(file, bigClientSecret(10 * MiB));
    const r = await runDropline(['client', 'set', '--file', file, '--data-dir', data], env);
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /client_secret\.json is 10 MB; Dropline reads client secret files of at most 64 KB/,
    );
    assert.doesNotMatch(r.stderr, /connection to the engine was lost/);
  });

  test('the API: a 10 MB client.set is refused before sending, and the connection stays usable', async () => {
    const engine = await connectToEngine(serve.url, readServiceFile(data)!.token);
    try {
      await assert.rejects(
        engine.api.invoke('client.set', { fileText: bigClientSecret(10 * MiB) }),
        (error: AppError) => {
          assert.equal(error.code, 'message_too_large');
          assert.match(error.message, /client\.set: this request is 10 MB, more than the 4 MB/);
          return true;
        },
      );
      // Under the message limit but over the file limit: the engine's schema says what it is.
      await assert.rejects(
        engine.api.invoke('client.set', { fileText: bigClientSecret(MiB) }),
        /a client_secret\.json is under 1 KB; this text is over 64 KB/,
      );
      assert.equal((await engine.api.invoke('app.info', {})).mode, 'headless');
    } finally {
      engine.close();
    }
  });

  test('cookie files: a 3 MB one and a FIFO are refused by name, and the engine goes on', async () => {
    const big = join(dir.path, 'cookies.txt');
    writeFileSync(big, `# Netscape HTTP Cookie File\n${'x'.repeat(3 * MiB)}`);
    const tooBig = await runDropline(['cookies', 'import', big, '--data-dir', data], env);
    assert.equal(tooBig.code, 2, tooBig.stderr);
    assert.match(
      tooBig.stderr,
      /cookies\.txt is 3 MB; Dropline reads cookie files of at most 2 MB/,
    );
    const fifo = join(dir.path, 'fifo-cookies.txt');
    execFileSync('mkfifo', [fifo]);
    const piped = await runDropline(['cookies', 'import', fifo, '--data-dir', data], env);
    assert.equal(piped.code, 2, piped.stderr);
    assert.match(piped.stderr, /fifo-cookies\.txt is a FIFO \(named pipe\), not a regular file/);
    const engine = await connectToEngine(serve.url, readServiceFile(data)!.token);
    try {
      assert.deepEqual(await engine.api.invoke('cookies.list', {}), []);
    } finally {
      engine.close();
    }
  });

  test('a FIFO or a device as the video or thumbnail is refused naming it', async () => {
    const engine = await connectToEngine(serve.url, readServiceFile(data)!.token);
    try {
      const fifo = join(dir.path, 'clip.mp4');
      execFileSync('mkfifo', [fifo]);
      const video = join(dir.path, 'real.mp4');
      writeFileSync(video, randomBytes(2048));
      for (const [files, thumbnail, pattern] of [
        [[fifo], null, /clip\.mp4 is a FIFO/],
        [['/dev/zero'], null, /\/dev\/zero is a device/],
        [[video], fifo, /thumbnail: .*clip\.mp4 is a FIFO/],
      ] as const) {
        const { jobIds } = await engine.api.invoke('jobs.enqueue', {
          files: [...files],
          channelIds: ['UCnone'],
          metadata: { title: 't' },
          thumbnail,
        });
        const job = (await engine.api.invoke('jobs.list', {})).find((j) => j.id === jobIds[0]);
        assert.equal(job?.state, 'failed');
        assert.match(job?.error?.message ?? '', pattern);
      }
    } finally {
      engine.close();
    }
  });
});
