import { isEventName } from '../../src-shared/api/contract.ts';
import { AppError, RouterErrorCode } from '../../src-shared/api/errors.ts';
import type { Result } from '../../src-shared/api/wire.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { Router } from '../rpc/router.ts';
import { IPC_EVENT, IPC_INVOKE } from './ipc-channels.ts';
import type { BrowserWindowLike, ElectronLike, WebContentsLike } from './electron-like.ts';
import { isTrustedSender } from './trusted-sender.ts';

/**
 * The IPC transport: one invoke channel into the router, one event channel
 * out. `getWindow` returns the single trusted window (or null while none).
 */
export function installIpc(
  electron: ElectronLike,
  router: Router,
  events: EventHub,
  getWindow: () => BrowserWindowLike | null,
): () => void {
  // One signal per page: aborted when its webContents is destroyed, so a call
  // that waits (a sign-in's outcome) stops waiting for a window that is gone.
  const lifetimes = new Map<number, AbortController>();
  const lifetimeOf = (contents: WebContentsLike): AbortSignal => {
    let controller = lifetimes.get(contents.id);
    if (!controller) {
      const created = new AbortController();
      controller = created;
      lifetimes.set(contents.id, created);
      contents.once('destroyed', () => {
        lifetimes.delete(contents.id);
        created.abort();
      });
    }
    return controller.signal;
  };
  electron.ipcMain.handle(IPC_INVOKE, async (event, method, input): Promise<Result> => {
    const contents = getWindow()?.webContents ?? null;
    if (!contents || !isTrustedSender(event, contents.id)) {
      return {
        ok: false,
        error: new AppError(
          RouterErrorCode.unauthorized,
          'Calls are accepted only from the Dropline window.',
        ).toJSON(),
      };
    }
    return router.dispatch(String(method), input, {
      transport: 'ipc',
      signal: lifetimeOf(contents),
    });
  });
  return events.subscribe((name, payload) => {
    if (isEventName(name)) getWindow()?.webContents.send(IPC_EVENT, name, payload);
  });
}
