import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'vitest';
import { IPC_DIALOG } from '../../../src-main/electron/ipc-channels.ts';
import type { BrowserWindowLike, IpcEventLike } from '../../../src-main/electron/electron-like.ts';
import { installFolderDialog } from '../../../src-main/electron/folder-dialog.ts';
import { installVideoDialog } from '../../../src-main/electron/video-dialog.ts';
import { FakeElectron } from '../../helpers/fake-electron.ts';

describe('the native folder dialog behind pickFolder() (fake electron)', () => {
  let fake: FakeElectron;
  let win: BrowserWindowLike;
  let pick: (event: IpcEventLike) => Promise<unknown>;
  const fromOurWindow = (): IpcEventLike => ({
    sender: { id: win.webContents.id },
    senderFrame: { url: 'app://dropline/index.html', parent: null },
  });

  beforeEach(() => {
    fake = new FakeElectron('/unused');
    const electron = fake.module;
    win = new electron.BrowserWindow({});
    installFolderDialog(electron, () => win);
    const handler = fake.ipcHandlers.get(IPC_DIALOG.pickFolder);
    assert.ok(handler, 'a handler on the pick-folder channel');
    pick = async (event) => handler(event);
  });

  test('opens a directory dialog on the focused window and answers the chosen path', async () => {
    fake.focusedWindow = win;
    fake.dialogAnswer = { canceled: false, filePaths: ['/home/me/Videos/exports'] };
    assert.equal(await pick(fromOurWindow()), '/home/me/Videos/exports');
    assert.equal(fake.dialogs.length, 1);
    assert.equal(fake.dialogs[0]?.window, win);
    assert.deepEqual(fake.dialogs[0]?.properties, ['openDirectory']);
  });

  test('cancelling answers null', async () => {
    fake.focusedWindow = win;
    fake.dialogAnswer = { canceled: true, filePaths: [] };
    assert.equal(await pick(fromOurWindow()), null);
  });

  test('with no focused window the dialog still attaches to the Dropline window', async () => {
    fake.focusedWindow = null;
    fake.dialogAnswer = { canceled: false, filePaths: ['/srv/videos'] };
    assert.equal(await pick(fromOurWindow()), '/srv/videos');
    assert.equal(fake.dialogs[0]?.window, win);
  });

  test('a subframe, a foreign page or another window gets no dialog', async () => {
    const id = win.webContents.id;
    const strangers: IpcEventLike[] = [
      { sender: { id }, senderFrame: { url: 'app://dropline/index.html', parent: {} } },
      { sender: { id }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: id + 1 }, senderFrame: { url: 'app://dropline/index.html', parent: null } },
    ];
    for (const event of strangers)
      await assert.rejects(pick(event), /Only the Dropline window may open the dialog/);
    assert.equal(fake.dialogs.length, 0);
  });
});

describe('the native video dialog behind pickVideos() (fake electron)', () => {
  test('several videos at once, filtered to video files; cancel answers none; strangers get nothing', async () => {
    const fake = new FakeElectron('/unused');
    const electron = fake.module;
    const win = new electron.BrowserWindow({});
    installVideoDialog(electron, () => win);
    const handler = fake.ipcHandlers.get(IPC_DIALOG.pickVideos);
    assert.ok(handler, 'a handler on the pick-videos channel');
    const ours: IpcEventLike = {
      sender: { id: win.webContents.id },
      senderFrame: { url: 'app://dropline/index.html', parent: null },
    };
    fake.focusedWindow = win;
    fake.dialogAnswer = { canceled: false, filePaths: ['/v/a.mp4', '/v/b.mov'] };
    assert.deepEqual(await handler(ours), ['/v/a.mp4', '/v/b.mov']);
    assert.deepEqual(fake.dialogs[0]?.properties, ['openFile', 'multiSelections']);
    assert.ok(fake.dialogs[0]?.filters.includes('mp4'));
    assert.ok(!fake.dialogs[0]?.filters.includes('png'), 'images are not offered as videos');
    fake.dialogAnswer = { canceled: true, filePaths: [] };
    assert.deepEqual(await handler(ours), []);
    const stranger: IpcEventLike = {
      sender: { id: win.webContents.id },
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    await assert.rejects(async () => handler(stranger), /Only the Dropline window/);
  });
});
