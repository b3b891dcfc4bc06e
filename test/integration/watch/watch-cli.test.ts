import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('dropline watch add|list|remove against a running engine', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  const videos = join(dir.path, 'videos');
  let serve: ServeProcess;
  const cli = (...args: string[]) => runDropline([...args, '--data-dir', data]);

  beforeAll(async () => {
    mkdirSync(videos);
    writeFileSync(join(videos, 'already-here.mp4'), 'x');
    serve = await startServeProcess({ dataDir: data });
  });
  afterAll(async () => {
    await serve?.stop();
    dir.remove();
  });

  test('add prints the folder as JSON, with the existing video offered', async () => {
    const r = await cli(
      'watch',
      'add',
      videos,
      '--channel',
      'UC_a,UC_b',
      '--privacy',
      'unlisted',
      '--recursive',
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    const folder = JSON.parse(r.stdout);
    assert.equal(folder.path, videos);
    assert.deepEqual(folder.channelIds, ['UC_a', 'UC_b']);
    assert.equal(folder.template.privacy, 'unlisted');
    assert.equal(folder.recursive, true);
    assert.equal(folder.counts.offered, 1);
  });

  test('list shows it; adding it twice is bad input', async () => {
    const list = await cli('watch', 'list', '--json');
    assert.equal(list.code, 0);
    assert.deepEqual(
      JSON.parse(list.stdout).map((f: { path: string }) => f.path),
      [videos],
    );
    const again = await cli('watch', 'add', videos, '--channel', 'UC_a');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already watched/);
  });

  test('bad flags exit 2 naming the field', async () => {
    const r = await cli('watch', 'add', videos, '--channel', 'UC_a', '--privacy', 'secret');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--privacy/);
    const missing = await cli('watch', 'add', join(dir.path, 'nope'), '--channel', 'UC_a');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does not exist/);
  });

  test('remove stops watching; removing again fails', async () => {
    const r = await cli('watch', 'remove', videos, '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { removed: true });
    const again = await cli('watch', 'remove', videos);
    assert.equal(again.code, 1);
  });

  test('without an engine: exit 3', async () => {
    const r = await runDropline(['watch', 'list', '--data-dir', join(dir.path, 'other')]);
    assert.equal(r.code, 3);
  });
});
