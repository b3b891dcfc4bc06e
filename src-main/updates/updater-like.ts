/**
 * The slice of electron-updater's AppUpdater that Dropline drives. The
 * desktop shell hands in the real one; the offline test drives the same
 * class against a local server. Nothing here imports Electron.
 */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

export interface UpdaterInfo {
  version: string;
}

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdaterLogger | null;
  /** Null when electron-updater is not active (a development build). */
  checkForUpdates(): Promise<{ updateInfo: UpdaterInfo; isUpdateAvailable?: boolean } | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(
    event: 'update-available' | 'update-not-available',
    listener: (info: UpdaterInfo) => void,
  ): unknown;
  on(event: 'download-progress', listener: (info: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: UpdaterInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Where updates come from, or why this build has none (shown in Settings). */
export type UpdaterSource =
  { kind: 'updater'; updater: UpdaterLike } | { kind: 'unsupported'; message: string };
