import { VIDEO_EXTENSIONS } from '../../src-shared/watch/file-kinds.ts';
import { IPC_PICK_FOLDER, IPC_PICK_VIDEOS } from './channels.ts';
import type { BrowserWindowLike, ElectronLike, OpenDialogOptions } from './electron-like.ts';
import { isTrustedSender } from './trusted-sender.ts';

/**
 * One native open dialog behind a preload call: only Dropline's own window
 * may open it, modal to the window the user is looking at. It answers paths;
 * only the engine validates them, when the renderer then hands them over.
 */
function handleOpenDialog<T>(
  electron: ElectronLike,
  getWindow: () => BrowserWindowLike | null,
  channel: string,
  options: OpenDialogOptions,
  answer: (paths: string[]) => T,
  cancelled: T,
): void {
  electron.ipcMain.handle(channel, async (event): Promise<T> => {
    const ours = getWindow();
    if (!isTrustedSender(event, ours?.webContents.id ?? null))
      throw new Error(`Only the Dropline window may open the dialog "${options.title}".`);
    const parent = electron.BrowserWindow.getFocusedWindow() ?? ours;
    if (!parent) return cancelled;
    const result = await electron.dialog.showOpenDialog(parent, options);
    return result.canceled ? cancelled : answer(result.filePaths);
  });
}

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

/** `pickVideos()`: video files to upload (several at once), or none when cancelled. */
export function installVideoDialog(
  electron: ElectronLike,
  getWindow: () => BrowserWindowLike | null,
): void {
  handleOpenDialog(
    electron,
    getWindow,
    IPC_PICK_VIDEOS,
    {
      title: 'Choose videos to upload',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Videos', extensions: [...VIDEO_EXTENSIONS] }],
    },
    (paths) => paths,
    [] as string[],
  );
}
