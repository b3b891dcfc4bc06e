import { IPC_PICK_FOLDER } from './ipc-channels.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
import { handleOpenDialog } from './open-dialog.ts';

/** `pickFolder()`: a folder to watch, or null when cancelled. */
export function installFolderDialog(
  electron: ElectronLike,
  getWindow: () => BrowserWindowLike | null,
): void {
  handleOpenDialog(
    electron,
    getWindow,
    IPC_PICK_FOLDER,
    { title: 'Choose a folder to watch', properties: ['openDirectory'] },
    (paths) => paths[0] ?? null,
    null,
  );
}
