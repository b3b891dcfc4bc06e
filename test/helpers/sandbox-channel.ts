import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  connectToEngine,
  type EngineConnection,
} from '../../src-main/engine-process/engine-client.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../fakes/google-sandbox/index.ts';
import { startServeProcess, type ServeProcess } from './serve-process.ts';

/** Connects a sandbox channel the way `dropline connect --no-browser` does: the API, then the URL. */
export async function connectSandboxChannel(
  engine: EngineConnection,
  sandbox: GoogleSandbox,
  channelId: string,
): Promise<void> {
  await engine.api.invoke('client.set', {
    clientId: sandbox.defaultClient.clientId,
    clientSecret: sandbox.defaultClient.clientSecret,
  });
  const flow = await engine.api.invoke('channels.connect', {
    loginHint: channelId,
    openBrowser: false,
  });
  // The user's browser: the auto-approving sandbox redirects to the loopback listener.
  assert.equal((await fetch(flow.authorizationUrl)).status, 200);
  const outcome = await engine.api.invoke('channels.connectResult', { flowId: flow.flowId });
  assert.equal(outcome.status, 'connected');
}

export interface SandboxedServe {
  sandbox: GoogleSandbox;
  serve: ServeProcess;
  /** The running engine's API, as the CLI reaches it (service.json). */
  engine: EngineConnection;
  close(): Promise<void>;
}

/**
 * A Google sandbox and a real `dropline serve` pointed at it, secrets under a
 * throwaway key file in `dir`: the set-up of every browser test that signs in.
 */
export async function startSandboxedServe(
  dir: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<SandboxedServe> {
  const sandbox = await startGoogleSandbox({ autoApprove: true });
  const keyFile = join(dir, 'master.key');
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
  const serve = await startServeProcess({
    dataDir,
    env: {
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      DROPLINE_KEY_PROVIDER: 'file',
      DROPLINE_MASTER_KEY_FILE: keyFile,
      ...env,
    },
  });
  const info = JSON.parse(readFileSync(join(dataDir, 'service.json'), 'utf8'));
  const engine = await connectToEngine(info.url, info.token);
  return {
    sandbox,
    serve,
    engine,
    async close() {
      engine.close();
      await serve.stop();
      await sandbox.close();
    },
  };
}
