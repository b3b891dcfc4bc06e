import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact, redactString } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LogSink {
  write(line: string): void;
}

export function parseLogLevel(value: string | undefined): LogLevel {
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}

/** One JSON object per line; every field passes through the redactor. */
export function createLogger(
  sink: LogSink,
  level: LogLevel,
  bindings: Record<string, unknown> = {},
): Logger {
  const log = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    const record = {
      time: new Date().toISOString(),
      level: lvl,
      msg: redactString(msg),
      ...bindings,
      ...fields,
    };
    sink.write(`${JSON.stringify(redact(record))}\n`);
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (more) => createLogger(sink, level, { ...bindings, ...more }),
  };
}

const MAX_LOG_BYTES = 10 * 1024 * 1024;

/** Appends to `<dataDir>/logs/dropline.log`, keeping one rotated file. */
export function fileSink(dataDir: string): LogSink {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'dropline.log');
  let written = 0;
  try {
    written = statSync(file).size;
  } catch {
    written = 0;
  }
  let failing = false;
  return {
    write(line) {
      // A full or read-only disk must not turn every log call into a thrown error (or a crash
      // inside an error handler): say so once on stderr, and go on without the log.
      try {
        if (written > MAX_LOG_BYTES) {
          renameSync(file, `${file}.1`);
          written = 0;
        }
        appendFileSync(file, line, { mode: 0o600 });
        written += Buffer.byteLength(line);
        failing = false;
      } catch (error) {
        if (failing) return;
        failing = true;
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        process.stderr.write(
          `Dropline cannot write its log ${file} (${code}); it goes on without it. ${code === 'ENOSPC' ? 'Free some space on that disk.' : 'Check that the folder is writable.'}\n`,
        );
      }
    },
  };
}

export const silentSink: LogSink = { write: () => undefined };

export function memorySink(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line) => void lines.push(line) };
}
