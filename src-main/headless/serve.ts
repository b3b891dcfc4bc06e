import { fileURLToPath } from 'node:url';
import { configFromEnv } from '../core/config.ts';
import { createCore, type Core, type CoreDeps } from '../core/create-core.ts';
import { appVersion } from '../core/version.ts';
import { acquireEngineLock } from '../engine-process/engine-lock.ts';
import { startHeadlessServer, type HeadlessServer } from '../transport/server.ts';
import { removeServiceFile, writeServiceFile } from '../engine-process/service-file.ts';

export const defaultRendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface RunningEngine {
  core: Core;
  server: HeadlessServer;
  /** The address to open in a browser: carries the launch token in the fragment, never sent to servers. */
  openUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a headless engine: lock the data directory, build the core, serve
 * UI and API, publish service.json. `stop` undoes each step in reverse.
 */
export async function startEngine(opts: {
  env: Record<string, string | undefined>;
  dataDir?: string;
  port?: number;
  rendererDir?: string;
  deps?: CoreDeps;
}): Promise<RunningEngine> {
  const config = configFromEnv({
    env: opts.env,
    mode: 'headless',
    version: appVersion(),
    dataDirFlag: opts.dataDir,
  });
  const releaseLock = acquireEngineLock(config.dataDir);
  let core: Core | undefined;
  try {
    core = createCore(config, opts.deps);
    const server = await startHeadlessServer(core, {
      port: opts.port,
      rendererDir: opts.rendererDir ?? defaultRendererDir,
    });
    writeServiceFile(config.dataDir, { url: server.url, token: server.token, pid: process.pid });
    const started = core;
    let stopping: Promise<void> | undefined;
    return {
      core: started,
      server,
      openUrl: `${server.url}/#token=${core.services.uiLinks.issue().key}`,
      stop() {
        stopping ??= (async () => {
          removeServiceFile(config.dataDir, process.pid);
          await server.close();
          await started.close();
          releaseLock();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await core?.close();
    releaseLock();
    throw error;
  }
}
