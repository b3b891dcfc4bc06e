import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src-main/core/create-core.ts';
import type { WatchedFolder } from '../../../src-shared/domain/watched-folder.ts';
import { testCore } from '../../helpers/test-core.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { until } from './watch-harness.ts';

describe('folders.update changes the channels of a watched folder', () => {
  const dir = tempDir();
  const videos = join(dir.path, 'videos');
  let core: Core;
  let folder: WatchedFolder;
  const call = (method: string, input: unknown) =>
    core.router.dispatch(method, input, { transport: 'memory' });
  const channelsOf = (name: string) =>
    core.services.uploads
      .list()
      .filter((j) => j.file.endsWith(name))
      .map((j) => j.channelId)
      .sort();

  beforeAll(async () => {
    mkdirSync(videos);
    core = testCore(join(dir.path, 'data'), {}, { videoProbe: null, folderPresenceCheckMs: 100 });
    const added = await call('folders.add', {
      path: videos,
      channelIds: ['UC_a'],
      stabilitySeconds: 0.2,
    });
    assert.ok(added.ok);
    folder = added.output as WatchedFolder;
  });
  afterAll(async () => {
    await core?.close();
    dir.remove();
  });

  test('new videos go to the new channels; videos already queued are not queued again', async () => {
    writeFileSync(join(videos, 'ep1.mp4'), 'first episode');
    await until(() => channelsOf('ep1.mp4').length === 1, 'ep1 queued on UC_a');

    const updated = await call('folders.update', { id: folder.id, channelIds: ['UC_b', 'UC_c'] });
    assert.ok(updated.ok);
    assert.deepEqual((updated.output as WatchedFolder).channelIds, ['UC_b', 'UC_c']);
    const listed = await call('folders.list', {});
    assert.ok(listed.ok);
    assert.deepEqual((listed.output as WatchedFolder[])[0]?.channelIds, ['UC_b', 'UC_c']);

    writeFileSync(join(videos, 'ep2.mp4'), 'second episode');
    await until(() => channelsOf('ep2.mp4').length === 2, 'ep2 queued on UC_b and UC_c');
    assert.deepEqual(channelsOf('ep2.mp4'), ['UC_b', 'UC_c']);
    assert.deepEqual(channelsOf('ep1.mp4'), ['UC_a'], 'the rescan after the change queued nothing');
  });

  test('is validated like folders.add: no channel, an empty id, an unknown folder', async () => {
    const none = await call('folders.update', { id: folder.id, channelIds: [] });
    assert.equal(none.ok, false);
    assert.equal(!none.ok && none.error.code, 'invalid_input');
    assert.match(!none.ok ? none.error.message : '', /channelIds: choose at least one channel/);

    const blank = await call('folders.update', { id: folder.id, channelIds: [''] });
    assert.equal(!blank.ok && blank.error.code, 'invalid_input');

    const unknown = await call('folders.update', { id: 'no-such-folder', channelIds: ['UC_a'] });
    assert.equal(!unknown.ok && unknown.error.code, 'not_found');

    const after = await call('folders.list', {});
    assert.ok(after.ok);
    assert.deepEqual((after.output as WatchedFolder[])[0]?.channelIds, ['UC_b', 'UC_c']);
  });
});
