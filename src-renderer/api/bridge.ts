import type { Result } from '../../src-shared/api/wire.ts';

/** What the Electron preload exposes on `window.dropline` (and nothing more). */
export interface DroplineBridge {
  invoke(method: string, input: unknown): Promise<Result>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  events: readonly string[];
  /** The local path of a dropped file (desktop only). */
  pathForFile?(file: File): string | null;
  /** The native "choose a folder" dialog (desktop only): a path, or null when cancelled. */
  pickFolder?(): Promise<string | null>;
  /** The native "choose files" dialog for videos (desktop only): paths, none when cancelled. */
  pickVideos?(): Promise<string[]>;
}

declare global {
  interface Window {
    dropline?: DroplineBridge;
  }
}
