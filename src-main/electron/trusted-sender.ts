import { isAppUrl } from './ipc-channels.ts';
import type { IpcEventLike } from './electron-like.ts';

/**
 * IPC is accepted only from our own window's top frame at our own origin: an
 * iframe, another window, or a page that navigated elsewhere gets nothing.
 */
export function isTrustedSender(event: IpcEventLike, trustedWebContentsId: number | null): boolean {
  if (trustedWebContentsId === null || event.sender.id !== trustedWebContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
