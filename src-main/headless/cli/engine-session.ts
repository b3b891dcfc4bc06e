import { isAppError } from '../../../src-shared/api/errors.ts';
import { resolveDataDir } from '../../core/config.ts';
import { connectToEngine, type EngineConnection } from '../engine-client.ts';
import { runningEnginePid } from '../engine-lock.ts';
import { readServiceFile } from '../service-file.ts';
import { CliError, ExitCode } from './cli-error.ts';
import type { CommandContext } from './command.ts';

/** Connects to the engine of this data directory, or fails with exit 3 in one line (cli.md). */
export async function withEngine<T>(
  ctx: CommandContext,
  fn: (engine: EngineConnection) => Promise<T>,
): Promise<T> {
  const engine = await openEngine(ctx);
  if (!engine)
    throw new CliError(
      ExitCode.noEngine,
      'No Dropline engine is running for this data directory; start one with `dropline serve` (or open the app and turn on the local API).',
    );
  try {
    return await fn(engine);
  } finally {
    engine.close();
  }
}

/** The running engine's connection, or null when none runs. */
export async function openEngine(ctx: CommandContext): Promise<EngineConnection | null> {
  const dataDir = resolveDataDir({ flag: ctx.dataDir, env: ctx.env });
  const service = readServiceFile(dataDir);
  if (!service || runningEnginePid(dataDir) === null) return null;
  try {
    return await connectToEngine(service.url, service.token);
  } catch {
    return null;
  }
}

/** API errors become exit codes: bad input 2, anything else 1. */
export function cliErrorFrom(error: unknown, usageCodes: readonly string[] = []): unknown {
  if (!isAppError(error)) return error;
  const usage = error.code === 'invalid_input' || usageCodes.includes(error.code);
  return new CliError(usage ? ExitCode.usage : ExitCode.failed, error.message);
}
