import { afterAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src-main/core/create-core.ts';
import { testCore } from '../../helpers/test-core.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { until } from './watch-harness.ts';

describe('watched folders queue into the real upload engine', () => {
  const dir = tempDir();
  const videos = join(dir.path, 'videos');
  let core: Core | undefined;
  afterAll(async () => {
    await core?.close();
    dir.remove();
  });
  const open = () =>
    testCore(join(dir.path, 'data'), {}, { videoProbe: null, folderPresenceCheckMs: 100 });
  const jobsFor = (name: string) =>
    core!.services.uploads.list().filter((j) => j.file.endsWith(name));

  test('one job per (file, channel), and a restart adds none', async () => {
    mkdirSync(videos);
    core = open();
    const added = await core.router.dispatch(
      'folders.add',
      { path: videos, channelIds: ['UC_a', 'UC_b'], stabilitySeconds: 0.3 },
      { transport: 'memory' },
    );
    assert.equal(added.ok, true);
    writeFileSync(join(videos, 'ep1.mp4'), 'first episode');
    await until(() => jobsFor('ep1.mp4').length === 2, 'two jobs');
    await core.close();

    core = open();
    await core.services.watch.ready();
    writeFileSync(join(videos, 'marker.mp4'), 'marker');
    await until(() => jobsFor('marker.mp4').length === 2, 'marker jobs');
    assert.deepEqual(
      jobsFor('ep1.mp4')
        .map((j) => j.channelId)
        .sort(),
      ['UC_a', 'UC_b'],
    );
  });
});
