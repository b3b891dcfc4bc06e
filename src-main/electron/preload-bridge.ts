import { isMethod } from '../../src-shared/api/contract.ts';
import type { DroplineBridge, OpenTarget } from '../../src-shared/api/desktop.ts';
import type { Result } from '../../src-shared/api/wire.ts';
import { IPC_DIALOG, IPC_EVENT, IPC_INVOKE, IPC_OPEN } from './ipc-channels.ts';

/** The slice of Electron's `ipcRenderer` the bridge uses (the real one, or a fake in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface WebUtilsLike<F> {
  getPathForFile(file: F): string;
}

type EventListener = (event: string, payload: unknown) => void;

/**
 * The whole bridge between the page and main, built by the preload. Events
 * come in on one IPC listener, however many subscribers the page has; the
 * page's client subscribes once and dispatches by name, so every event
 * crosses the context bridge once.
 */
export function createBridge<F>(
  ipc: IpcRendererLike,
  webUtils: WebUtilsLike<F>,
): DroplineBridge<F> {
  const listeners = new Set<EventListener>();
  const forward = (_event: unknown, name: unknown, payload: unknown): void => {
    for (const listener of [...listeners]) listener(String(name), payload);
  };
  return {
    invoke(method, input) {
      if (!isMethod(method)) return Promise.reject(new Error(`Unknown method ${String(method)}`));
      return ipc.invoke(IPC_INVOKE, method, input) as Promise<Result>;
    },
    onEvent(listener) {
      if (listeners.size === 0) ipc.on(IPC_EVENT, forward);
      listeners.add(listener);
      return () => {
        if (listeners.delete(listener) && listeners.size === 0)
          ipc.removeListener(IPC_EVENT, forward);
      };
    },
    onOpen(listener) {
      const wrapped = (_event: unknown, target: unknown): void => listener(target as OpenTarget);
      ipc.on(IPC_OPEN, wrapped);
      return () => void ipc.removeListener(IPC_OPEN, wrapped);
    },
    pickFolder: () => ipc.invoke(IPC_DIALOG.pickFolder) as Promise<string | null>,
    pickVideos: () => ipc.invoke(IPC_DIALOG.pickVideos) as Promise<string[]>,
    // Electron no longer puts a path on File; the drop preview needs it.
    pathForFile(file) {
      try {
        return webUtils.getPathForFile(file) || null;
      } catch {
        return null;
      }
    },
  };
}
