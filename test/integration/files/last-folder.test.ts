import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/client.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { alice, metadata, startHarness, type Harness } from '../../helpers/upload-harness.ts';

describe('dropped names are matched in the last-used folder too, across a restart', () => {
  let h: Harness;
  let api: ApiClient;
  const connect = () => (api = createApiClient(memoryTransport(h.core.router, h.core.events)));
  const put = (dir: string, name: string, bytes: number) => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    writeFileSync(path, Buffer.alloc(bytes, 7));
    return path;
  };
  beforeAll(async () => {
    h = await startHarness({ startUploads: false });
    connect();
  });
  afterAll(async () => h.close());

  test('before any folder was used, a name outside the watched folders is not found', async () => {
    put(join(h.dir.path, 'exports'), 'ep1.mp4', 1000);
    const [match] = await api.invoke('files.findDropped', {
      names: [{ name: 'ep1.mp4', size: 1000 }],
    });
    assert.deepEqual(match?.found, []);
  });

  test('Add upload names its folder; a restart keeps it; a drop from there is found and said so', async () => {
    const exports = join(h.dir.path, 'exports');
    const first = put(exports, 'ep2.mp4', 1200);
    await api.invoke('jobs.add', {
      uploads: [{ file: first, channelId: alice, metadata: metadata() }],
    });
    await h.restart();
    connect();
    const [match, wrongSize] = await api.invoke('files.findDropped', {
      names: [
        { name: 'ep1.mp4', size: 1000 },
        { name: 'ep1.mp4', size: 999 },
      ],
    });
    assert.deepEqual(match?.found, [{ path: join(exports, 'ep1.mp4'), place: 'last_used' }]);
    assert.deepEqual(match?.paths, [join(exports, 'ep1.mp4')]);
    assert.deepEqual(wrongSize?.found, [], 'a name with another size is another file');
  });

  test('a refused Add upload does not move the last-used folder', async () => {
    const elsewhere = join(h.dir.path, 'elsewhere');
    const bad = put(elsewhere, 'bad.mp4', 100);
    await assert.rejects(
      api.invoke('jobs.add', {
        uploads: [{ file: bad, channelId: alice, metadata: metadata({ title: '  ' }) }],
      }),
    );
    const [match] = await api.invoke('files.findDropped', {
      names: [{ name: 'ep1.mp4', size: 1000 }],
    });
    assert.equal(match?.found[0]?.place, 'last_used');
  });

  test('a queued drop and the file browser move it; a watched copy is offered first', async () => {
    const later = join(h.dir.path, 'later');
    const dropped = put(later, 'ep3.mp4', 1300);
    const [result] = await api.invoke('drops.queue', {
      items: [
        {
          name: 'ep3.mp4',
          size: 1300,
          path: dropped,
          channelIds: [alice],
          metadata: metadata({ title: 'Ep 3' }),
        },
      ],
    });
    assert.equal(result?.error, null);
    put(later, 'ep4.mp4', 1400);
    let [match] = await api.invoke('files.findDropped', {
      names: [{ name: 'ep4.mp4', size: 1400 }],
    });
    assert.deepEqual(match?.found, [{ path: join(later, 'ep4.mp4'), place: 'last_used' }]);

    // The file browser's choice (a folder) names that folder; a watched folder's copy is best.
    const picked = join(h.dir.path, 'picked');
    put(picked, 'ep4.mp4', 1400);
    const watched = join(h.dir.path, 'watched');
    put(watched, 'ep4.mp4', 1400);
    assert.deepEqual(await api.invoke('files.rememberFolder', { path: picked }), {
      folder: picked,
    });
    await api.invoke('folders.add', { path: watched, channelIds: [alice] });
    await waitForWatched(api, watched);
    [match] = await api.invoke('files.findDropped', { names: [{ name: 'ep4.mp4', size: 1400 }] });
    assert.deepEqual(match?.found, [
      { path: join(watched, 'ep4.mp4'), place: 'watched' },
      { path: join(picked, 'ep4.mp4'), place: 'last_used' },
    ]);
  });
});

/** The watcher has read the folder's files (it announces each item). */
async function waitForWatched(api: ApiClient, folder: string): Promise<void> {
  const [f] = (await api.invoke('folders.list', {})).filter((x) => x.path === folder);
  assert.ok(f);
  for (;;) {
    const items = await api.invoke('folders.items', { folderId: f.id });
    if (items.length > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
