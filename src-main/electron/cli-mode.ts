import { runCli } from '../headless/cli/main.ts';
import type { ElectronLike } from './electron-like.ts';

/** The app binary runs the `dropline` command line, without a window, when started with this. */
export const CLI_FLAG = '--cli';

/**
 * The arguments for the command line when this start is one (`Dropline --cli
 * status --json`), else null. The packaged app's launcher script adds the
 * flag: with the RunAsNode fuse off, the binary cannot be used as plain Node.
 */
export function cliArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  // Chromium's switches (the launcher's --ozone-platform=headless) come before the flag.
  return at < 0 ? null : argv.slice(at + 1);
}

/** Runs one CLI command in this process and exits with its code: no window, no tray, no dock icon. */
export async function runCliMode(
  electron: ElectronLike,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  electron.app.dock?.hide();
  const stopSignal = new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => resolve(signal));
  });
  const code = await runCli(
    args,
    {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    },
    env,
    stopSignal,
  );
  process.stdout.write('', () => electron.app.exit(code));
}
