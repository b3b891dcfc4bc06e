import type { UpdaterLike, UpdaterSource } from '../updates/updater-like.ts';
import type { ElectronLike } from './electron-like.ts';

/**
 * electron-updater for a packaged app. Its feed comes from app-update.yml,
 * which electron-builder writes from `publish` (GitHub releases by default,
 * or the generic server given at build time); DROPLINE_UPDATE_URL points an
 * installed app at another generic server (a staging channel, a test).
 */
export async function desktopUpdaterSource(
  electron: ElectronLike,
  env: Record<string, string | undefined>,
): Promise<UpdaterSource> {
  if (!electron.app.isPackaged)
    return {
      kind: 'unsupported',
      message: 'This is a development build of Dropline; it does not update itself.',
    };
  // Loaded only here: a development start, the CLI mode and the tests never pay for it.
  const { default: updaterModule } = await import('electron-updater');
  const updater = updaterModule.autoUpdater;
  const url = env.DROPLINE_UPDATE_URL?.trim();
  if (url) updater.setFeedURL({ provider: 'generic', url });
  return { kind: 'updater', updater: updater as unknown as UpdaterLike };
}
