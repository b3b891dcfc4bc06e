import { afterAll, describe } from 'vitest';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { startHeadlessServer } from '../../../src-main/transport/server.ts';
import { contractSuite } from '../../helpers/contract-suite.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

describe('contract over the real WebSocket server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  contractSuite(async () => {
    const dir = tempDir();
    const core = testCore(dir.path);
    const server = await startHeadlessServer(core, { port: 0, rendererDir: dir.path });
    const connection = await connectToEngine(server.url, server.token);
    cleanups.push(
      () => connection.close(),
      () => server.close(),
      () => core.close(),
      dir.remove,
    );
    return { api: connection.api, transport: connection.transport, dataDir: dir.path };
  });
});
