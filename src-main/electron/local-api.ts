import type { Core } from '../core/create-core.ts';
import { startHeadlessServer, type HeadlessServer } from '../transport/server.ts';
import { removeServiceFile, writeServiceFile } from '../engine-process/service-file.ts';

/**
 * In the desktop app the local API (for the `dropline` CLI) is off until the
 * user turns it on in Settings; this follows that setting.
 */
export function localApiController(
  core: Core,
  rendererDir: string,
): { sync(): Promise<void>; stop(): Promise<void> } {
  let server: HeadlessServer | null = null;
  let queue = Promise.resolve();
  const dataDir = core.config.dataDir;

  const apply = async (enabled: boolean): Promise<void> => {
    if (enabled && !server) {
      server = await startHeadlessServer(core, { rendererDir });
      writeServiceFile(dataDir, { url: server.url, token: server.token, pid: process.pid });
      core.log.info('local API on', { url: server.url });
    } else if (!enabled && server) {
      removeServiceFile(dataDir, process.pid);
      await server.close();
      server = null;
      core.log.info('local API off');
    }
  };
  const enqueue = (enabled: boolean): Promise<void> => (queue = queue.then(() => apply(enabled)));

  core.events.subscribe((event, payload) => {
    if (event === 'settings.changed')
      void enqueue((payload as { localApiEnabled: boolean }).localApiEnabled);
  });
  return {
    sync: () => enqueue(core.services.settings.get().localApiEnabled),
    stop: () => enqueue(false),
  };
}
