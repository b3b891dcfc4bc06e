// Point 3 of the architecture pass: the page holds one ipcRenderer listener for every event,
// however many screens listen, and each event crosses the context bridge once.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createApiClient } from '../../../src-shared/api/client.ts';
import { events, type EventName } from '../../../src-shared/api/contract.ts';
import type { DroplineBridge } from '../../../src-shared/api/desktop.ts';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop-app.ts';
import { IPC_EVENT } from '../../../src-main/electron/ipc-channels.ts';
import { createBridge } from '../../../src-main/electron/preload-bridge.ts';
import { ipcTransport } from '../../../src-renderer/api/ipc-transport.ts';
import { FakeElectron } from '../../helpers/fake-electron.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('desktop events: one subscription per window (fake electron)', () => {
  const dir = tempDir();
  const fake = new FakeElectron(join(dir.path, 'userData'));
  let desktop: Desktop | null;

  beforeAll(async () => {
    const rendererDir = join(dir.path, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dropline</title>');
    desktop = await startDesktop(
      fake.module,
      { preload: '/p/preload.cjs', rendererDir, trayIcons: '/p/tray' },
      { DROPLINE_LOG_LEVEL: 'error' },
    );
  });
  afterAll(async () => {
    await desktop?.core.close();
    dir.remove();
  });

  test('every screen listening to every event adds one ipcRenderer listener; events reach only their listeners', async () => {
    const win = fake.windows[0];
    assert.ok(win);
    const ipcRenderer = fake.ipcRendererOf(win);
    const bridge = createBridge(ipcRenderer, { getPathForFile: () => '' });
    // What crosses contextBridge: each call of the page's callback.
    let crossings = 0;
    const counted: DroplineBridge = {
      ...bridge,
      onEvent: (listener) =>
        bridge.onEvent((event, payload) => {
          crossings++;
          listener(event, payload);
        }),
    };
    const api = createApiClient(ipcTransport(counted));
    const names = Object.keys(events) as EventName[];
    const heard: string[] = [];
    // Eleven screens' worth of listeners on every event, as the stores subscribe.
    const offs = names.flatMap((name) => names.map(() => api.on(name, () => heard.push(name))));
    assert.equal(ipcRenderer.listenerCount(IPC_EVENT), 1);

    const changed = new Promise<void>((resolve) => {
      const off = api.on('settings.changed', () => (off(), resolve()));
    });
    await api.invoke('settings.set', { theme: 'dark' });
    await changed;
    const sent = (win.webContents as unknown as { sent: unknown[][] }).sent.filter(
      (args) => args[0] === IPC_EVENT,
    );
    assert.ok(sent.length > 0);
    assert.equal(crossings, sent.length, 'each event crossed the bridge once');
    assert.deepEqual(
      heard,
      sent.flatMap((args) => names.map(() => String(args[1]))),
      'every listener of an event heard it once, and no listener heard another event',
    );
    assert.ok(heard.includes('settings.changed'));

    for (const off of offs) off();
    assert.equal(ipcRenderer.listenerCount(IPC_EVENT), 0, 'the last listener leaving unsubscribes');
  });

  test('the desktop calls reach their dialogs through the same bridge', async () => {
    const win = fake.windows[0];
    assert.ok(win);
    const bridge = createBridge(fake.ipcRendererOf(win), {
      getPathForFile: (file: { path?: string }) => file.path ?? '',
    });
    fake.focusedWindow = win;
    fake.dialogAnswer = { canceled: false, filePaths: ['/v/a.mp4', '/v/b.mp4'] };
    assert.deepEqual(await bridge.pickVideos(), ['/v/a.mp4', '/v/b.mp4']);
    assert.equal(await bridge.pickFolder(), '/v/a.mp4');
    assert.equal(bridge.pathForFile({ path: '/v/c.mp4' }), '/v/c.mp4');
    assert.equal(bridge.pathForFile({}), null, 'a file without a path (from a browser) has none');
    await assert.rejects(bridge.invoke('nope.nothing', {}), /Unknown method/);
  });

  test('the preload itself keeps one ipcRenderer listener for several subscribers', () => {
    const win = fake.windows[0];
    assert.ok(win);
    const ipcRenderer = fake.ipcRendererOf(win);
    const bridge = createBridge(ipcRenderer, { getPathForFile: () => '' });
    const heard: string[] = [];
    const a = bridge.onEvent((event) => heard.push(`a:${event}`));
    const b = bridge.onEvent((event) => heard.push(`b:${event}`));
    assert.equal(ipcRenderer.listenerCount(IPC_EVENT), 1);
    win.webContents.send(IPC_EVENT, 'jobs.changed', {});
    assert.deepEqual(heard, ['a:jobs.changed', 'b:jobs.changed']);
    a();
    assert.equal(ipcRenderer.listenerCount(IPC_EVENT), 1);
    b();
    assert.equal(ipcRenderer.listenerCount(IPC_EVENT), 0);
  });
});
