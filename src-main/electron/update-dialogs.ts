import type { UpdateStatus } from '../../src-shared/api/updates.ts';
import type { Core } from '../core/create-core.ts';
import type { ElectronLike, MessageBoxOptions } from './electron-like.ts';

/** What "Check for updates…" answers, in a sentence. */
export function updateCheckMessage(status: UpdateStatus): Omit<MessageBoxOptions, 'buttons'> {
  switch (status.state) {
    case 'unsupported':
      return {
        type: 'info',
        title: 'Updates',
        message: status.message ?? 'This Dropline cannot update itself.',
      };
    case 'idle':
      return {
        type: 'info',
        title: 'Updates',
        message: status.message ?? `Dropline ${status.currentVersion} is the newest version.`,
      };
    case 'checking':
    case 'downloading':
      return {
        type: 'info',
        title: 'Updates',
        message: status.version
          ? `Dropline ${status.version} is downloading. You will be told when it is ready to install.`
          : 'Looking for updates…',
      };
    case 'ready':
      return {
        type: 'info',
        title: 'Update ready',
        message: `Dropline ${status.version} is ready: restart to install it.`,
      };
    case 'error':
      return {
        type: 'warning',
        title: 'Updates',
        message: status.message ?? 'Checking for updates failed.',
      };
  }
}

/**
 * The tray's and the menu's "Check for updates…": looks now and says what it
 * found; a ready update offers the restart (now, or once no upload runs).
 */
export async function checkForUpdatesFromMenu(electron: ElectronLike, core: Core): Promise<void> {
  const status = await core.services.updates.check();
  const text = updateCheckMessage(status);
  if (status.state !== 'ready') {
    await electron.dialog.showMessageBox({ ...text, buttons: ['OK'] });
    return;
  }
  const busy = core.services.uploads.runningCount() > 0;
  const buttons = busy
    ? ['Restart now (uploads pause and go on after)', 'When uploads finish', 'Later']
    : ['Restart now', 'Later'];
  const { response } = await electron.dialog.showMessageBox({
    ...text,
    detail: busy ? 'An upload is running.' : undefined,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
  });
  if (response === 0) core.services.updates.install('now');
  else if (busy && response === 1) core.services.updates.install('when_idle');
}
