import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../src-shared/api/errors.ts';

export const YTDLP_MISSING = 'ytdlp_missing';

export const INSTALL_HINT =
  'yt-dlp is not installed or not on PATH. Install it (Debian/Ubuntu: `sudo apt install yt-dlp`; anywhere with Python: `python3 -m pip install -U yt-dlp`; macOS: `brew install yt-dlp`), or set DROPLINE_YTDLP to its full path.';

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

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `configured` is DROPLINE_YTDLP (a path or a command name); otherwise `yt-dlp` on PATH. */
export function systemYtDlp(
  configured: string | undefined,
  pathEnv: string | undefined,
): YtDlpRunner {
  const locate = (): string => {
    const wanted = configured?.trim() || 'yt-dlp';
    if (isAbsolute(wanted) || wanted.includes('/')) {
      if (executable(wanted)) return wanted;
      throw new AppError(
        YTDLP_MISSING,
        `DROPLINE_YTDLP points to ${wanted}, which is not an executable file. ${INSTALL_HINT}`,
      );
    }
    for (const dir of (pathEnv ?? '').split(delimiter)) {
      if (!dir) continue;
      const candidate = join(dir, wanted);
      if (executable(candidate)) return candidate;
    }
    throw new AppError(YTDLP_MISSING, INSTALL_HINT);
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
