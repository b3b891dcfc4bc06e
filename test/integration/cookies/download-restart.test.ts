import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/create-core.ts';
import { isFinalDownloadState, type Download } from '../../../src-shared/domain/cookie-file.ts';
import { lacks } from '../../helpers/system-tools.ts';
import {
  cookieFileText,
  makeEnv,
  secretValue,
  startVideoServer,
  type VideoServer,
} from './helpers.ts';

function finished(core: Core, id: string): Promise<Download> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const d = core.services.downloads.get(id);
      if (isFinalDownloadState(d.state)) resolve(d);
      return isFinalDownloadState(d.state);
    };
    if (check()) return;
    const off = core.events.subscribe((event) => {
      if (event === 'downloads.progressed' && check()) off();
    });
  });
}

describe.skipIf(lacks('ytdlp'))('downloads outlive a restart of the core', () => {
  const env = makeEnv();
  let server: VideoServer;
  const good = secretValue('restartsession');
  const outDir = join(env.root, 'out');

  beforeAll(async () => {
    server = await startVideoServer();
    server.valid.add(good);
  });
  afterAll(async () => {
    await server.close();
    env.cleanup();
  });

  test('finished downloads keep their state and file; one cut off by the restart reads as interrupted', async () => {
    let core = createCore(env.config());
    const src = join(env.root, 'cookies.txt');
    writeFileSync(src, cookieFileText([{ name: 'session', value: good }]));
    core.services.cookies.import({ path: src, label: 'main' });
    const done = await finished(
      core,
      core.services.downloads.start({ url: `${server.url}/v/a.mp4`, label: 'main', outDir }).id,
    );
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    const cancelled = core.services.downloads.start({
      url: `${server.url}/slow/b.mp4`,
      label: 'main',
      outDir,
    });
    await server.slowStarted;
    core.services.downloads.cancel(cancelled.id);
    assert.equal((await finished(core, cancelled.id)).state, 'cancelled');
    const cutOff = core.services.downloads.start({
      url: `${server.url}/slow/c.mp4`,
      label: 'main',
      outDir,
    });
    await new Promise<void>((resolve) => {
      const off = core.events.subscribe((event, payload) => {
        if (event === 'downloads.progressed' && (payload as Download).id === cutOff.id) {
          if ((payload as Download).state === 'running') {
            off();
            resolve();
          }
        }
      });
    });
    await core.close();

    core = createCore(env.config());
    try {
      const listed = core.services.downloads.list();
      assert.deepEqual(
        listed.map((d) => [d.id, d.state]),
        [
          [done.id, 'done'],
          [cancelled.id, 'cancelled'],
          [cutOff.id, 'failed'],
        ],
      );
      assert.equal(listed[0]?.file, done.file);
      assert.equal(listed[0]?.usedVersion, 'active');
      assert.equal(listed[2]?.error?.code, 'download_interrupted');
      assert.equal(listed[2]?.error?.retryable, true);
      // And over the API, as the Downloads screen reads it.
      const answer = await core.router.dispatch('downloads.list', {}, { transport: 'memory' });
      assert.ok(answer.ok);
      assert.equal((answer.output as Download[]).length, 3);

      // Removed from the list, it stays removed after the next restart; its file stays.
      const removed = await core.router.dispatch(
        'downloads.remove',
        { id: cutOff.id },
        { transport: 'memory' },
      );
      assert.ok(removed.ok);
    } finally {
      await core.close();
    }
    core = createCore(env.config());
    try {
      assert.deepEqual(
        core.services.downloads.list().map((d) => d.id),
        [done.id, cancelled.id],
      );
      assert.ok(done.file && existsSync(done.file), 'the downloaded file stays');
    } finally {
      await core.close();
    }
  }, 60_000);

  test('a download still going cannot be removed: it says to cancel it first', async () => {
    const core = createCore(env.config());
    try {
      const going = core.services.downloads.start({
        url: `${server.url}/slow/d.mp4`,
        label: 'main',
        outDir,
      });
      assert.throws(() => core.services.downloads.remove(going.id), /cancel it first/);
      assert.ok(core.services.downloads.list().some((d) => d.id === going.id));
      core.services.downloads.cancel(going.id);
      await finished(core, going.id);
    } finally {
      await core.close();
    }
  }, 60_000);
});
