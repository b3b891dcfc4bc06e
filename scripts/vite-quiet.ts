import type { Rollup } from 'vite';

type RollupLog = Rollup.RollupLog;

/**
 * Mantine marks its modules "use client" (for React Server Components); a
 * browser bundle has no use for the directive, and the bundler's warning
 * for each of hundreds of files would bury the warnings that matter.
 */
export function quietDirectives(log: RollupLog, warn: (log: RollupLog) => void): void {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
  warn(log);
}
