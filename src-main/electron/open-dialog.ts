import type { DesktopDialog, DialogAnswer } from '../../src-shared/api/desktop.ts';
import { IPC_DIALOG } from './ipc-channels.ts';
import type { BrowserWindowLike, ElectronLike, OpenDialogOptions } from './electron-like.ts';
import { isTrustedSender } from './trusted-sender.ts';

/**
 * One native open dialog behind a desktop call of the contract: only
 * Dropline's own window may open it, modal to the window the user is looking
 * at. It answers paths; only the engine validates them, when the renderer
 * then hands them over.
 */
export function handleOpenDialog<D extends DesktopDialog>(
  electron: ElectronLike,
  getWindow: () => BrowserWindowLike | null,
  dialog: D,
  options: OpenDialogOptions,
  answer: (paths: string[]) => DialogAnswer<D>,
  cancelled: DialogAnswer<D>,
): void {
  electron.ipcMain.handle(IPC_DIALOG[dialog], async (event): Promise<DialogAnswer<D>> => {
    const ours = getWindow();
    if (!isTrustedSender(event, ours?.webContents.id ?? null))
      throw new Error(`Only the Dropline window may open the dialog "${options.title}".`);
    const parent = electron.BrowserWindow.getFocusedWindow() ?? ours;
    if (!parent) return cancelled;
    const result = await electron.dialog.showOpenDialog(parent, options);
    return result.canceled ? cancelled : answer(result.filePaths);
  });
}
