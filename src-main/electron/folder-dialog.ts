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
    'pickFolder',
    { title: 'Choose a folder to watch', properties: ['openDirectory'] },
    (paths) => paths[0] ?? null,
    null,
  );
}
