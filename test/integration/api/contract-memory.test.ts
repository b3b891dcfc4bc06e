import { afterAll, describe } from 'vitest';
import { createApiClient } from '../../../src-shared/api/client.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { contractSuite } from '../../helpers/contract-suite.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

describe('contract over the in-memory transport', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  contractSuite(async () => {
    const dir = tempDir();
    const core = testCore(dir.path);
    cleanups.push(() => core.close(), dir.remove);
    const transport = memoryTransport(core.router, core.events);
    return { api: createApiClient(transport), transport, dataDir: dir.path };
  });
});
