import type { DesktopDialog } from '../../src-shared/api/desktop.ts';

/** IPC channel names shared by main and preload. */
export const IPC_INVOKE = 'dropline:invoke';
export const IPC_EVENT = 'dropline:event';
/** One channel per desktop dialog of the contract (src-shared/api/desktop.ts). */
export const IPC_DIALOG: { readonly [D in DesktopDialog]: string } = {
  pickFolder: 'dropline:pick-folder',
  pickVideos: 'dropline:pick-videos',
};
/** Main -> window: open a screen (a click on an OS notification, the tray, the menu). */
export const IPC_OPEN = 'dropline:open';
export const APP_SCHEME = 'app';
export const APP_HOST = 'dropline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True when `raw` is on our app origin. Compared by scheme and host because
 * WHATWG URL gives custom schemes an opaque origin ("null").
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
