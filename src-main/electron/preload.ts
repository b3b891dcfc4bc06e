// The whole bridge between the page and main: invoke and on, names checked against the contract.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { events, isEventName, isMethod } from '../../src-shared/api/contract.ts';
import {
  IPC_EVENT,
  IPC_INVOKE,
  IPC_OPEN,
  IPC_PICK_FOLDER,
  IPC_PICK_VIDEOS,
} from './ipc-channels.ts';

contextBridge.exposeInMainWorld('dropline', {
  events: Object.keys(events),
  invoke(method: string, input: unknown) {
    if (!isMethod(method)) return Promise.reject(new Error(`Unknown method ${String(method)}`));
    return ipcRenderer.invoke(IPC_INVOKE, method, input);
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_: unknown, name: string, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
  // The native folder dialog: a path, or null when the user cancels.
  pickFolder(): Promise<string | null> {
    return ipcRenderer.invoke(IPC_PICK_FOLDER);
  },
  pickVideos(): Promise<string[]> {
    return ipcRenderer.invoke(IPC_PICK_VIDEOS);
  },
  // The main process asks to show a screen (a notification was clicked): { screen, jobId?, channelId? }.
  onOpen(listener: (target: unknown) => void) {
    const wrapped = (_: unknown, target: unknown): void => listener(target);
    ipcRenderer.on(IPC_OPEN, wrapped);
    return () => ipcRenderer.removeListener(IPC_OPEN, wrapped);
  },
  // Dropped files: Electron no longer puts a path on File; the drop preview needs it.
  pathForFile(file: Parameters<typeof webUtils.getPathForFile>[0]): string | null {
    try {
      return webUtils.getPathForFile(file) || null;
    } catch {
      return null;
    }
  },
});
