import { createCore, type Core, type CoreDeps } from '../../src-main/core/create-core.ts';
import type { CoreConfig } from '../../src-main/core/config.ts';
import { memorySink } from '../../src-main/logging/logger.ts';

/** A real core (real SQLite in `dataDir`) whose log lines are kept in memory for assertions. */
export function testCore(
  dataDir: string,
  overrides: Partial<CoreConfig> = {},
  deps: CoreDeps = {},
): Core & { logLines: string[] } {
  const sink = memorySink();
  const core = createCore(
    {
      dataDir,
      mode: 'headless',
      version: '0.0.0-test',
      googleBaseUrl: null,
      logLevel: 'debug',
      ...overrides,
    },
    { logSink: sink, ...deps },
  );
  return Object.assign(core, { logLines: sink.lines });
}
