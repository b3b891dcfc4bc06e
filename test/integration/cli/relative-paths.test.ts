import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { readServiceFile } from '../../../src-main/engine-process/service-file.ts';
import { AppError } from '../../../src-shared/api/errors.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { alice } from '../../helpers/upload-harness.ts';
import { keyFileEnv } from '../../helpers/cli-sandbox.ts';

interface CliJob {
  id: string;
  file: string;
  channelId: string;
  bytesTotal: number;
}

describe('paths are the caller’s: the CLI resolves them, the API refuses relative ones', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  // The engine's working directory holds a clip.mp4 of its own: the wrong file to upload.
  const engineCwd = join(dir.path, 'engine-cwd');
  const shellA = join(dir.path, 'shell-a');
  const shellB = join(dir.path, 'shell-b');
  let sandbox: GoogleSandbox;
  let env: Record<string, string>;
  let serve: ServeProcess;

  beforeAll(async () => {
    for (const [folder, size] of [
      [engineCwd, 3000],
      [shellA, 1000],
      [shellB, 2000],
    ] as const) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'clip.mp4'), randomBytes(size));
      writeFileSync(join(folder, 'thumb.png'), randomBytes(size / 10));
    }
    sandbox = await startGoogleSandbox({ autoApprove: true });
    env = {
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      ...keyFileEnv(dir.path),
    };
    serve = await startServeProcess({ dataDir: data, env, cwd: engineCwd });
    const set = await runDropline(
      ['client', 'set', '--id', sandbox.defaultClient.clientId, '--data-dir', data],
      env,
      `${sandbox.defaultClient.clientSecret}\n`,
    );
    assert.equal(set.code, 0, set.stderr);
    await connectWithCli({ dataDir: data, env, channelId: alice });
  });
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    await sandbox?.close();
    dir.remove();
  });

  test('`dropline upload clip.mp4` from two working directories queues each shell’s own file', async () => {
    const jobs: CliJob[] = [];
    for (const cwd of [shellA, shellB]) {
      const up = await runDropline(
        [
          'upload',
          'clip.mp4',
          '--thumbnail',
          'thumb.png',
          '--channel',
          alice,
          '--json',
          '--data-dir',
          data,
        ],
        env,
        undefined,
        { cwd },
      );
      assert.equal(up.code, 0, up.stderr);
      jobs.push(...(JSON.parse(up.stdout) as { jobs: CliJob[] }).jobs);
    }
    assert.deepEqual(
      jobs.map((j) => [j.file, j.bytesTotal]),
      [
        [join(shellA, 'clip.mp4'), 1000],
        [join(shellB, 'clip.mp4'), 2000],
      ],
    );
  });

  test('the API refuses a relative path, naming it, in every method that opens one', async () => {
    const engine = await connectToEngine(serve.url, readServiceFile(data)!.token);
    const refusal = async (call: () => Promise<unknown>): Promise<AppError> => {
      try {
        await call();
      } catch (error) {
        assert.ok(error instanceof AppError);
        return error;
      }
      assert.fail('the call was accepted');
    };
    try {
      const metadata = { title: 't' };
      const cases: Array<[string, () => Promise<unknown>]> = [
        [
          'clip.mp4',
          () =>
            engine.api.invoke('jobs.enqueue', {
              files: ['clip.mp4'],
              channelIds: [alice],
              metadata,
            }),
        ],
        [
          'thumb.png',
          () =>
            engine.api.invoke('jobs.enqueue', {
              files: [join(shellA, 'clip.mp4')],
              channelIds: [alice],
              metadata,
              thumbnail: 'thumb.png',
            }),
        ],
        ['videos', () => engine.api.invoke('folders.add', { path: 'videos', channelIds: [alice] })],
        ['cookies.txt', () => engine.api.invoke('cookies.import', { path: 'cookies.txt' })],
        [
          'downloads',
          () =>
            engine.api.invoke('downloads.start', {
              url: 'https://www.youtube.com/watch?v=x',
              outDir: 'downloads',
            }),
        ],
      ];
      for (const [name, call] of cases) {
        const error = await refusal(call);
        assert.equal(error.code, 'invalid_input', name);
        assert.match(error.message, new RegExp(`"${name}" is a relative path`), error.message);
      }
      const list = await engine.api.invoke('jobs.list', {});
      assert.ok(!list.some((j) => j.file.startsWith(engineCwd)), 'nothing of the engine’s folder');
    } finally {
      engine.close();
    }
  });

  test('`dropline upload --channel UCnotmine` exits 2 naming the channel, and queues nothing', async () => {
    const before = await runDropline(['queue', '--json', '--data-dir', data], env);
    const up = await runDropline(
      ['upload', join(shellA, 'clip.mp4'), '--channel', `${alice},UCnotmine`, '--data-dir', data],
      env,
    );
    assert.equal(up.code, 2, up.stderr);
    assert.match(up.stderr, /Unknown channel UCnotmine/);
    const afterwards = await runDropline(['queue', '--json', '--data-dir', data], env);
    assert.equal(JSON.parse(afterwards.stdout).length, JSON.parse(before.stdout).length);
  });
});
