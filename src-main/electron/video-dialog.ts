import { VIDEO_EXTENSIONS } from '../../src-shared/watch/file-kinds.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
import { handleOpenDialog } from './open-dialog.ts';

/** `pickVideos()`: video files to upload (several at once), or none when cancelled. */
export function installVideoDialog(
  electron: ElectronLike,
  getWindow: () => BrowserWindowLike | null,
): void {
  handleOpenDialog(
    electron,
    getWindow,
    'pickVideos',
    {
      title: 'Choose videos to upload',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Videos', extensions: [...VIDEO_EXTENSIONS] }],
    },
    (paths) => paths,
    [],
  );
}
