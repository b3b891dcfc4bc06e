import { resolveDataDir } from '../../core/config.ts';
import { AppError } from '../../../src-shared/api/errors.ts';
import { connectToEngine, type EngineConnection } from '../../engine-process/engine-client.ts';
import { runningEnginePid } from '../../engine-process/engine-lock.ts';
import { readServiceFile } from '../../engine-process/service-file.ts';
import { CliError, ExitCode } from './cli-error.ts';
import type { CommandContext } from './command.ts';

/** AppError codes that mean "your input is wrong" (exit 2) rather than "it failed" (exit 1). */
const USAGE_CODES = new Set([
  'invalid_input',
  'invalid_cookie_file',
  'cookie_file_unreadable',
  'cookie_label_not_found',
  'invalid_client_file',
  'web_client_file',
  'unknown_channel',
  'weak_passphrase',
]);

/** Runs `fn` against the engine on this data directory; no engine means exit 3. */
export async function withEngine<T>(
  ctx: CommandContext,
  fn: (engine: EngineConnection) => Promise<T>,
): Promise<T> {
  const dataDir = resolveDataDir({ flag: ctx.dataDir, env: ctx.env });
  const service = readServiceFile(dataDir);
  if (service === null || (runningEnginePid(dataDir) === null && service.pid !== process.pid))
    throw new CliError(
      ExitCode.noEngine,
      `No Dropline engine is running on ${dataDir}; start one with \`dropline serve\` (or open the app with the local API on).`,
    );
  let engine: EngineConnection;
  try {
    engine = await connectToEngine(service.url, service.token);
  } catch (error) {
    throw new CliError(
      ExitCode.noEngine,
      `Cannot reach the Dropline engine at ${service.url}: ${(error as Error).message}`,
    );
  }
  try {
    return await fn(engine);
  } catch (error) {
    if (error instanceof AppError)
      throw new CliError(
        USAGE_CODES.has(error.code) ? ExitCode.usage : ExitCode.failed,
        error.message,
      );
    throw error;
  } finally {
    engine.close();
  }
}

/** The running engine's connection, or null when none runs (for commands that can read the database instead). */
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
