import { IPC_PICK_FOLDER } from './channels.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
import { isTrustedSender } from './trusted-sender.ts';

/**
 * The native "choose a folder" dialog behind the preload's `pickFolder()`.
 * It answers a path or null (cancelled); only the engine validates the path,
 * when the renderer then calls `folders.add` with it.
 */
export function installFolderDialog(
  electron: ElectronLike,
  getWindow: () => BrowserWindowLike | null,
): void {
  electron.ipcMain.handle(IPC_PICK_FOLDER, async (event): Promise<string | null> => {
    const ours = getWindow();
    if (!isTrustedSender(event, ours?.webContents.id ?? null))
      throw new Error('Only the Dropline window may open the folder dialog.');
    // Modal to the window the user is looking at, so it cannot hide behind it.
    const parent = electron.BrowserWindow.getFocusedWindow() ?? ours;
    if (!parent) return null;
    const result = await electron.dialog.showOpenDialog(parent, {
      title: 'Choose a folder to watch',
      properties: ['openDirectory'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
