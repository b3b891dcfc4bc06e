// The desktop entry point: hands the real Electron module to the wiring, or runs the CLI.
import * as electron from 'electron';
import { fileURLToPath } from 'node:url';
import type { ElectronLike } from './electron-like.ts';
import { cliArgs, runCliMode } from './cli-mode.ts';
import { startDesktop } from './desktop-app.ts';
import { failStart } from './start-failure.ts';

const real: ElectronLike = electron;
const resources = (process as { resourcesPath?: string }).resourcesPath;

const cli = cliArgs(process.argv);
if (cli) {
  void runCliMode(real, cli, process.env);
} else {
  startDesktop(
    real,
    {
      preload: fileURLToPath(new URL('../preload/preload.cjs', import.meta.url)),
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      // Packaged: resources/tray (extraResources); a development build reads assets/ beside out/.
      trayIcons:
        real.app.isPackaged && resources
          ? `${resources}/tray`
          : fileURLToPath(new URL('../../assets/tray', import.meta.url)),
    },
    process.env,
  ).catch((error: unknown) => failStart(real, error, null));
}
