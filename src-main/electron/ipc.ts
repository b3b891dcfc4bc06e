import { isEventName } from '../../src-shared/api/contract.ts';
import { AppError, RouterErrorCode } from '../../src-shared/api/errors.ts';
import type { Result } from '../../src-shared/api/wire.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { Router } from '../rpc/router.ts';
import { IPC_EVENT, IPC_INVOKE } from './ipc-channels.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
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
  electron.ipcMain.handle(IPC_INVOKE, async (event, method, input): Promise<Result> => {
    if (!isTrustedSender(event, getWindow()?.webContents.id ?? null)) {
      return {
        ok: false,
        error: new AppError(
          RouterErrorCode.unauthorized,
          'Calls are accepted only from the Dropline window.',
        ).toJSON(),
      };
    }
    return router.dispatch(String(method), input, { transport: 'ipc' });
  });
  return events.subscribe((name, payload) => {
    if (isEventName(name)) getWindow()?.webContents.send(IPC_EVENT, name, payload);
  });
}
