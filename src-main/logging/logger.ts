import { pino, stdTimeFunctions, type Logger as Pino } from 'pino';
import { redact, redactString } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
  /** Resolves once every line so far is written (or given up on): engine shutdown, tests. */
  flush(): Promise<void>;
}

/** Where log lines go: one JSON object per line, already redacted. */
export interface LogSink {
  write(line: string): void;
  flush?(): Promise<void>;
}

export function parseLogLevel(value: string | undefined): LogLevel {
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}

function wrap(p: Pino, sink: LogSink): Logger {
  return {
    debug: (m, f) => p.debug(f ?? {}, redactString(m)),
    info: (m, f) => p.info(f ?? {}, redactString(m)),
    warn: (m, f) => p.warn(f ?? {}, redactString(m)),
    error: (m, f) => p.error(f ?? {}, redactString(m)),
    child: (more) => wrap(p.child(more), sink),
    flush: () => sink.flush?.() ?? Promise.resolve(),
  };
}

/**
 * pino, one JSON object per line (`time`, `level` by name, `msg`, fields);
 * every field and binding passes through the redactor before it is written.
 */
export function createLogger(
  sink: LogSink,
  level: LogLevel,
  bindings: Record<string, unknown> = {},
): Logger {
  const p = pino(
    {
      level,
      base: null,
      timestamp: stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (b) => redact(b) as Record<string, unknown>,
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    { write: (line: string) => sink.write(line) },
  );
  return wrap(Object.keys(bindings).length ? p.child(bindings) : p, sink);
}

export const silentSink: LogSink = { write: () => undefined };

export function memorySink(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line) => void lines.push(line) };
}
