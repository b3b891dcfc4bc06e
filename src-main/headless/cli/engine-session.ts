import { resolveDataDir } from '../../core/config.ts';
import { connectToEngine, type EngineConnection } from '../engine-client.ts';
import { runningEnginePid } from '../engine-lock.ts';
import { readServiceFile } from '../service-file.ts';
import { CliError, ExitCode } from './cli-error.ts';
import type { CommandContext } from './command.ts';

/** Connects to the engine of this data directory, or exits 3 saying none runs. */
export async function withEngine<T>(
  ctx: CommandContext,
  fn: (conn: EngineConnection) => Promise<T>,
): Promise<T> {
  const dataDir = resolveDataDir({ flag: ctx.dataDir, env: ctx.env });
  const service = runningEnginePid(dataDir) === null ? null : readServiceFile(dataDir);
  if (!service)
    throw new CliError(
      ExitCode.noEngine,
      `No Dropline engine is running on ${dataDir}; start one with \`dropline serve\`.`,
    );
  const conn = await connectToEngine(service.url, service.token);
  try {
    return await fn(conn);
  } finally {
    conn.close();
  }
}
