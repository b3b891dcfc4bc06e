import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { CHUNK_MULTIPLE } from '../../fakes/google-sandbox/index.ts';
import { ALICE, putChunk, raw, statusQuery } from './helpers.ts';

const cli = fileURLToPath(new URL('../../fakes/google-sandbox/cli.ts', import.meta.url));

describe('`npm run sandbox` and the /__sandbox control API from another process', () => {
  let child: ChildProcess;
  let baseUrl: string;
  let output = '';
  beforeAll(async () => {
    child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
      child.stdout!.on('data', (text: string) => {
        output += text;
        if (output.includes('Accounts and channels')) resolve();
      });
    });
    baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
  });
  afterAll(async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  });

  const control = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const res = await raw({
      method,
      url: `${baseUrl}/__sandbox${path}`,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: res.json<T>() };
  };

  test('it prints the base URL, a client it accepts, and the seeded channels', () => {
    assert.match(output, /DROPLINE_GOOGLE_BASE_URL=http:\/\/127\.0\.0\.1:\d+/);
    assert.match(output, /apps\.googleusercontent\.com \/ GOCSPX-/);
    assert.match(output, new RegExp(ALICE));
  });

  test('tokens, faults, clock and inspection over HTTP', async () => {
    const tokens = await control<{ accessToken: string }>('POST', '/tokens', { channelId: ALICE });
    assert.equal(tokens.status, 200);
    const accessToken = tokens.body.accessToken;

    const size = 2 * CHUNK_MULTIPLE;
    const start = await raw({
      method: 'POST',
      url: `${baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        'x-upload-content-length': size,
        'x-upload-content-type': 'video/mp4',
      },
      body: JSON.stringify({
        snippet: { title: 'Over HTTP' },
        status: { privacyStatus: 'private' },
      }),
    });
    assert.equal(start.status, 200);
    const url = String(start.headers.location);

    const armed = await control('POST', '/faults', {
      dropUpload: { afterBytes: 1000 },
      latencyMs: 1,
    });
    assert.deepEqual(armed.body.dropUpload, { afterBytes: 1000, remaining: 1 });
    await assert.rejects(putChunk(url, Buffer.alloc(size, 7), 0, size));
    assert.equal(
      (await statusQuery(url, size)).headers.range,
      undefined,
      'less than 256 KiB arrived: nothing kept',
    );
    await control('DELETE', '/faults');
    const done = await putChunk(url, Buffer.alloc(size, 7), 0, size);
    assert.equal(done.status, 200);

    const channel = await control<{ videos: { id: string; byteLength: number; sha256: string }[] }>(
      'GET',
      `/channels/${ALICE}`,
    );
    const videos = channel.body.videos;
    assert.equal(videos.length, 1);
    assert.equal(videos[0]!.byteLength, size);
    assert.match(videos[0]!.sha256, /^[0-9a-f]{64}$/);

    const clock = await control('POST', '/clock', { to: 'nextPacificMidnight', plusMs: 1000 });
    assert.equal(clock.status, 200);
    const quota = await control<{ used: number }>('GET', '/quota');
    assert.equal(quota.body.used, 0, 'a new Pacific day');

    const log = await control<{ path: string }[]>('GET', '/requests');
    const paths = log.body.map((r) => r.path);
    assert.ok(paths.some((p) => p.startsWith('/upload/youtube/v3/videos')));
    assert.ok(!JSON.stringify(log.body).includes(accessToken), 'no token in the log');

    const bad = await control('POST', '/faults', { nonsense: true });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.error), /unknown fault/);
  });
});
