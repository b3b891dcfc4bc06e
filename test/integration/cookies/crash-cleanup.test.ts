import { afterAll, beforeAll, test } from 'vitest';
import { lacks } from '../../helpers/system-tools.ts';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createCore } from '../../../src-main/core/create-core.ts';
import { memorySink } from '../../../src-main/logging/logger.ts';
import {
  cookieFileText,
  makeEnv,
  secretValue,
  startVideoServer,
  type VideoServer,
} from './helpers.ts';

const env = makeEnv();
let server: VideoServer;

beforeAll(async () => {
  server = await startVideoServer();
});
afterAll(async () => {
  await server.close();
  env.cleanup();
});

/** A zombie (killed, not yet reaped by a container's pid 1) counts as gone. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

test.skipIf(lacks('ytdlp'))(
  'after kill -9 mid-download the temporary cookie file is removed at the next start',
  async () => {
    const value = secretValue('crashsession');
    server.valid.add(value);
    const src = join(env.root, 'crash.txt');
    writeFileSync(src, cookieFileText([{ name: 'session', value }]));
    const child = spawn(
      process.execPath,
      [
        join(import.meta.dirname, 'engine-child.ts'),
        src,
        `${server.url}/slow/video.mp4`,
        join(env.root, 'out'),
      ],
      { env: env.env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await server.slowStarted;
    const tmp = join(env.dataDir, 'tmp');
    const leftovers = readdirSync(tmp);
    assert.equal(leftovers.length, 1, 'yt-dlp is running with a temporary copy');
    const dir = join(tmp, leftovers[0] as string);
    const owner = JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8')) as { runner: number };
    assert.ok(readFileSync(join(dir, 'cookies.txt'), 'utf8').includes(value));

    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.ok(existsSync(join(dir, 'cookies.txt')), 'the crash left the copy behind');

    const core = createCore(env.config(), { logSink: memorySink() });
    try {
      assert.deepEqual(readdirSync(tmp), []);
      // The orphaned yt-dlp that held the file was stopped too.
      for (let i = 0; i < 100 && alive(owner.runner); i++)
        await new Promise((r) => setTimeout(r, 50));
      assert.equal(alive(owner.runner), false);
    } finally {
      await core.close();
    }
  },
);
