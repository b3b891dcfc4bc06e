import type { BrowserWindowLike, ElectronLike, OpenDialogOptions } from './electron-like.ts';
import { isTrustedSender } from './trusted-sender.ts';

/**
 * One native open dialog behind a preload call: only Dropline's own window
 * may open it, modal to the window the user is looking at. It answers paths;
 * only the engine validates them, when the renderer then hands them over.
 */
export function handleOpenDialog<T>(
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
