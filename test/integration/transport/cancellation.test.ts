import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import type { ConnectStarted } from '../../../src-shared/api/channels.ts';
import type { Result } from '../../../src-shared/api/wire.ts';
import type { ConnectOutcome } from '../../../src-shared/domain/channel.ts';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { startHeadlessServer } from '../../../src-main/transport/server.ts';
import { keyFileProvider } from '../../../src-main/vault/key-file-provider.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

const CLIENT = {
  clientId: '100000000002-cancel.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-cancel',
};

describe('a call stops waiting when its caller leaves', () => {
  test('channels.connectResult ends with caller_gone when its WebSocket closes; the sign-in itself goes on', async () => {
    const dir = tempDir();
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const core = testCore(
      join(dir.path, 'data'),
      {},
      { keyProviders: () => [keyFileProvider(keyFile)], startUploads: false },
    );
    // The router's answer to the waiting call, seen from the server side.
    let answered: Promise<Result> | null = null;
    let dispatched!: () => void;
    const waiting = new Promise<void>((resolve) => (dispatched = resolve));
    const real = core.router.dispatch.bind(core.router);
    core.router.dispatch = (method, input, ctx) => {
      const result = real(method, input, ctx);
      if (method === 'channels.connectResult' && !answered) {
        answered = result;
        dispatched();
      }
      return result;
    };
    const server = await startHeadlessServer(core, { port: 0, rendererDir: dir.path });
    try {
      const first = await connectToEngine(server.url, server.token);
      await first.api.invoke('client.set', CLIENT);
      const started: ConnectStarted = await first.api.invoke('channels.connect', {
        openBrowser: false,
      });
      const leftBehind = first.api
        .invoke('channels.connectResult', { flowId: started.flowId })
        .catch((error: unknown) => error);
      await waiting;
      first.close();
      await leftBehind;

      const result = await answered!;
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.code, 'caller_gone');
      assert.equal(core.services.channels.connect.waitingCount(), 1, 'the sign-in still waits');

      // A caller that comes back gets the sign-in's real end.
      const second = await connectToEngine(server.url, server.token);
      try {
        const outcome = second.api.invoke('channels.connectResult', { flowId: started.flowId });
        assert.equal(
          (await second.api.invoke('channels.cancelConnect', { flowId: started.flowId })).cancelled,
          true,
        );
        const ended: ConnectOutcome = await outcome;
        assert.equal(ended.status, 'failed');
      } finally {
        second.close();
      }
    } finally {
      await server.close();
      await core.close();
      dir.remove();
    }
  }, 20_000);
});
