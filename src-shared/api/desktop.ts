import type { Result } from './wire.ts';

/**
 * Calls only the desktop window has, next to the API: the native open dialogs
 * and the local path of a dropped file. A browser tab has none of them (the
 * headless engine has no screen to open a dialog on, and a page never sees a
 * file's path), so the renderer offers them only when the bridge exists.
 * `F` is the page's File type, which this DOM-free folder cannot name.
 */
export interface DesktopCalls<F = unknown> {
  /** The native "choose a folder" dialog: a path, or null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** The native "choose videos" dialog (several at once): paths, none when cancelled. */
  pickVideos(): Promise<string[]>;
  /** The local path of a dropped file, or null when it has none (e.g. dragged from a browser). */
  pathForFile(file: F): string | null;
}

/**
 * A screen the main process asks the window to show: a click on an OS
 * notification, the tray or the menu (with the job or channel concerned).
 */
export interface OpenTarget {
  screen: 'queue' | 'channels' | 'cookies' | 'settings' | 'folders';
  jobId?: string;
  channelId?: string;
}

/** The calls that open a dialog in the main process, each behind its own IPC channel. */
export type DesktopDialog = 'pickFolder' | 'pickVideos';
export type DialogAnswer<D extends DesktopDialog> = Awaited<ReturnType<DesktopCalls[D]>>;

/**
 * Everything the Electron preload exposes on `window.dropline`: the API
 * (calls, and one subscription that carries every event) and the desktop calls.
 */
export interface DroplineBridge<F = unknown> extends DesktopCalls<F> {
  invoke(method: string, input: unknown): Promise<Result>;
  /** One listener for every event: each event crosses the context bridge once. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** The main process asks for a screen (desktop only: a notification or the tray was clicked). */
  onOpen(listener: (target: OpenTarget) => void): () => void;
}
