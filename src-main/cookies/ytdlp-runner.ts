import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppError } from '../../src-shared/api/errors.ts';
import { findProgram } from '../tools/find-program.ts';
import { chooseYtDlp, type ToolChoice } from '../tools/tool-paths.ts';

export const YTDLP_MISSING = 'ytdlp_missing';

export const INSTALL_HINT =
  'yt-dlp is not installed or not on PATH. Install it (Debian/Ubuntu: `sudo apt install yt-dlp`; anywhere with Python: `python3 -m pip install -U yt-dlp`; macOS: `brew install yt-dlp`), or set its full path in Settings (or DROPLINE_YTDLP).';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The process edge of downloads, so tests and other shells can swap the program. */
export interface YtDlpRunner {
  /** Full path of the program; throws AppError(ytdlp_missing) when there is none. */
  locate(): string;
  run(opts: {
    args: string[];
    onLine(line: string, stream: 'stdout' | 'stderr'): void;
    onSpawn(pid: number): void;
    signal: AbortSignal;
  }): Promise<RunResult>;
}

/**
 * `configured` is the program to run: a full path (Settings, DROPLINE_YTDLP)
 * or a command name looked up on `pathEnv`; read on every run, so a changed
 * setting applies at the next download.
 */
export function systemYtDlp(
  configured: string | undefined | (() => ToolChoice),
  pathEnv: string | undefined,
): YtDlpRunner {
  const choose =
    typeof configured === 'function' ? configured : (): ToolChoice => chooseYtDlp('', configured);
  const locate = (): string => {
    const choice = choose();
    const found = findProgram(choice.program, pathEnv);
    if (found) return found;
    if (choice.source === 'path') throw new AppError(YTDLP_MISSING, INSTALL_HINT);
    const where = choice.source === 'setting' ? 'The yt-dlp path in Settings' : 'DROPLINE_YTDLP';
    throw new AppError(
      YTDLP_MISSING,
      `${where} points to ${choice.program}, which is not an executable file. ${INSTALL_HINT}`,
    );
  };
  return {
    locate,
    run({ args, onLine, onSpawn, signal }) {
      const program = locate();
      return new Promise((resolve, reject) => {
        const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let killTimer: NodeJS.Timeout | undefined;
        const abort = (): void => {
          child.kill('SIGTERM');
          // yt-dlp may sit in a blocking read; do not wait forever for it.
          killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
          killTimer.unref();
        };
        child.once('spawn', () => {
          if (child.pid !== undefined) onSpawn(child.pid);
          if (signal.aborted) abort();
          else signal.addEventListener('abort', abort, { once: true });
        });
        child.once('error', (error) => {
          signal.removeEventListener('abort', abort);
          reject(
            (error as NodeJS.ErrnoException).code === 'ENOENT'
              ? new AppError(YTDLP_MISSING, INSTALL_HINT)
              : error,
          );
        });
        let open = 2;
        let exit: RunResult | null = null;
        const finish = (): void => {
          if (open === 0 && exit) {
            clearTimeout(killTimer);
            signal.removeEventListener('abort', abort);
            resolve(exit);
          }
        };
        for (const stream of ['stdout', 'stderr'] as const) {
          const lines = createInterface({ input: child[stream], crlfDelay: Infinity });
          lines.on('line', (line) => onLine(line, stream));
          lines.once('close', () => {
            open--;
            finish();
          });
        }
        child.once('close', (code, sig) => {
          exit = { code, signal: sig };
          finish();
        });
      });
    },
  };
}
