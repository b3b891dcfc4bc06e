import assert from 'node:assert/strict';
import type { EngineConnection } from '../../src-main/headless/engine-client.ts';
import type { GoogleSandbox } from '../fakes/google-sandbox/index.ts';

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
