import type { DroplineBridge } from '../../src-shared/api/desktop.ts';

declare global {
  interface Window {
    /** The Electron preload's bridge; absent in a browser tab (the headless mode). */
    dropline?: DroplineBridge<File>;
  }
}
