// The desktop entry point: hands the real Electron module to the wiring.
import * as electron from 'electron';
import { fileURLToPath } from 'node:url';
import type { ElectronLike } from './electron-like.ts';
import { startDesktop } from './desktop-app.ts';

const real: ElectronLike = electron;

startDesktop(
  real,
  {
    preload: fileURLToPath(new URL('../preload/preload.cjs', import.meta.url)),
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  },
  process.env,
).catch((error: unknown) => {
  console.error(
    `Dropline could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  real.app.exit(1);
});
