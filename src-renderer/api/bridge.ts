import type { Result } from '../../src-shared/api/wire.ts';

/** What the Electron preload exposes on `window.dropline` (and nothing more). */
export interface DroplineBridge {
  invoke(method: string, input: unknown): Promise<Result>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  events: readonly string[];
}

declare global {
  interface Window {
    dropline?: DroplineBridge;
  }
}
