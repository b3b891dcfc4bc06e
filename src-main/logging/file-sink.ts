import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type SonicBoom from 'sonic-boom';
import type { LogSink } from './logger.ts';

export interface FileSinkOptions {
  /** Size at which the log rolls to a new file (pino-roll's units: '10m', '1k'). */
  size?: string;
  /** Rolled files kept besides the current one. */
  keep?: number;
}

// Lines written before the file is open wait here; past this they are dropped.
const MAX_EARLY_LINES = 10_000;
// What may wait in memory for a slow or failing disk before lines are dropped.
const MAX_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * `<dataDir>/logs/dropline.<n>.log`, written asynchronously (pino's
 * sonic-boom) and rolled by size with pino-roll. A full or read-only disk,
 * or a roll that fails, never throws into the caller (a log call inside an
 * error handler must not become the error): it is said once on stderr, and
 * the engine goes on without its log.
 */
export function fileSink(dataDir: string, opts: FileSinkOptions = {}): LogSink {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let stream: SonicBoom | null = null;
  let early: string[] | null = [];
  let reported = false;
  const report = (error: unknown): void => {
    if (reported) return;
    reported = true;
    const code = (error as NodeJS.ErrnoException)?.code ?? 'error';
    process.stderr.write(
      `Dropline cannot write its log in ${dir} (${code}); it goes on without it. ${code === 'ENOSPC' ? 'Free some space on that disk.' : 'Check that the folder is writable.'}\n`,
    );
  };
  // Bytes handed to the stream and bytes it has written (or dropped): flush waits for them to meet.
  let given = 0;
  let done = 0;
  const waiters = new Set<() => void>();
  const settle = (): void => {
    if (done < given) return;
    for (const resolve of waiters) resolve();
    waiters.clear();
  };
  const write = (line: string): void => {
    try {
      if (stream?.write(line) !== undefined) given += Buffer.byteLength(line);
    } catch (error) {
      report(error);
    }
  };
  // Imported here, not at the top: pino-roll brings date-fns (300 modules), and `dropline serve`
  // answers its first page sooner without them; lines written meanwhile wait in `early`.
  const opened = import('pino-roll')
    .then(({ default: pinoRoll }) =>
      pinoRoll({
        file: join(dir, 'dropline'),
        extension: '.log',
        size: opts.size ?? '10m',
        limit: { count: opts.keep ?? 2 },
        mkdir: true,
        mode: 0o600,
        maxLength: MAX_BUFFER_BYTES,
      }),
    )
    .then(
      (boom) => {
        boom.on('error', (error: unknown) => {
          report(error);
          // What was waiting will not be written: nobody waits for it.
          done = given;
          settle();
        });
        boom.on('write', (bytes: number) => {
          done += bytes;
          settle();
        });
        boom.on('drop', (data: string) => {
          done += Buffer.byteLength(data);
          settle();
        });
        stream = boom;
        for (const line of early ?? []) write(line);
        early = null;
        // Settled once the file is open or has failed to open: flush waits for that too.
        if ((boom as unknown as { fd: number }).fd >= 0) return;
        return new Promise<void>((resolve) => {
          boom.once('ready', resolve);
          boom.once('error', () => resolve());
        });
      },
      (error: unknown) => {
        early = null;
        report(error);
      },
    );
  return {
    write(line) {
      if (early) {
        if (early.length < MAX_EARLY_LINES) early.push(line);
        return;
      }
      write(line);
    },
    async flush() {
      await opened;
      if (!stream || done >= given) return;
      await new Promise<void>((resolve) => {
        waiters.add(resolve);
        settle();
      });
    },
  };
}
