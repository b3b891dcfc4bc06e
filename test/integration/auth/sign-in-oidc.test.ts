import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { nodeFetch } from '../../../src-main/auth/http.ts';
import { exchangeCode, TokenEndpointError } from '../../../src-main/auth/token-endpoint.ts';
import { systemClock } from '../../../src-main/base/clock.ts';
import { openDatabase } from '../../../src-main/db/database.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import { EventHub } from '../../../src-main/rpc/event-hub.ts';
import {
  createChannelServices,
  type ChannelServices,
} from '../../../src-main/channels/create-channel-services.ts';
import { MemorySecretStore } from '../../helpers/memory-secret-store.ts';
import {
  browseUntil,
  CHANNEL,
  startStrictServer,
  type StrictServer,
} from './oidc-provider-server.ts';

/**
 * Dropline's sign-in against oidc-provider, a certified authorization
 * server, configured as a strict native-app server.
 */
describe('sign-in against a strict oidc-provider', () => {
  let server: StrictServer;
  let services: ChannelServices;
  let secrets: MemorySecretStore;

  beforeAll(async () => {
    server = await startStrictServer();
    secrets = new MemorySecretStore();
    services = createChannelServices({
      db: openDatabase(':memory:'),
      clock: systemClock,
      events: new EventHub(),
      notices: { post: () => null as never },
      log: createLogger(memorySink(), 'debug'),
      secrets,
      googleBaseUrl: server.url,
      http: nodeFetch,
    });
    services.clients.set({ clientId: server.clientId, clientSecret: server.clientSecret });
  });

  afterAll(async () => {
    services.stop();
    await server.close();
  });

  /** Starts a sign-in and registers its exact redirect URI with the server. */
  async function start() {
    const started = await services.connect.start({ openBrowser: false });
    const redirectUri = new URL(started.authorizationUrl).searchParams.get(
      'redirect_uri',
    ) as string;
    server.allowRedirects([redirectUri]);
    return { ...started, redirectUri, listener: new URL(redirectUri).origin };
  }

  test('success: PKCE S256, offline, consent; the channel is provisioned and its refresh token works', async () => {
    const flow = await start();
    const auth = new URL(flow.authorizationUrl);
    assert.equal(auth.pathname, '/o/oauth2/v2/auth');
    assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(auth.searchParams.get('access_type'), 'offline');
    assert.equal(auth.searchParams.get('prompt'), 'consent');
    assert.equal(auth.searchParams.get('state')?.length, 22);
    assert.match(flow.redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback\/[\w-]{16}$/);
    const callback = await browseUntil(flow.authorizationUrl, flow.listener);
    const page = await fetch(callback);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /return to Dropline/);
    const outcome = await services.connect.result(flow.flowId);
    assert.equal(outcome.status, 'connected', JSON.stringify(outcome));
    assert.equal(outcome.status === 'connected' && outcome.channel.id, CHANNEL.id);
    assert.ok(secrets.get({ kind: 'refresh_token', id: CHANNEL.id }));
    // The refresh token oidc-provider issued is accepted for a refresh (client_secret_post).
    services.tokens.forget(CHANNEL.id);
    const token = await services.tokens.getAccessToken(CHANNEL.id);
    assert.ok(await server.provider.AccessToken.find(token));
    assert.equal(services.channels.get(CHANNEL.id).lastRefreshOutcome, 'ok');
  });

  test('a callback with the wrong state is refused and the flow goes on', async () => {
    const flow = await start();
    const callback = new URL(await browseUntil(flow.authorizationUrl, flow.listener));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'A'.repeat(22));
    const refused = await fetch(forged);
    assert.equal(refused.status, 400);
    const accepted = await fetch(callback);
    assert.equal(accepted.status, 200);
    const outcome = await services.connect.result(flow.flowId);
    assert.equal(outcome.status, 'connected');
  });

  test('a replayed callback is refused by the listener, and its code by the server', async () => {
    const flow = await start();
    const callback = await browseUntil(flow.authorizationUrl, flow.listener);
    assert.equal((await fetch(callback)).status, 200);
    assert.equal((await services.connect.result(flow.flowId)).status, 'connected');
    // The listener is closed: the replay cannot even connect.
    await assert.rejects(fetch(callback));
    // And the code, already redeemed, is refused by the server.
    const code = new URL(callback).searchParams.get('code') as string;
    await assert.rejects(
      exchangeCode(
        nodeFetch,
        `${server.url}/token`,
        server,
        code,
        'x'.repeat(43),
        flow.redirectUri,
      ),
      (e: unknown) => e instanceof TokenEndpointError && e.googleCode === 'invalid_grant',
    );
  });

  test('the server refuses a code without its verifier, with a wrong one, and a request without a challenge', async () => {
    const flow = await start();
    // Stop the browser before the listener: the code never reaches Dropline.
    const callback = new URL(await browseUntil(flow.authorizationUrl, flow.listener));
    const code = callback.searchParams.get('code') as string;
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: flow.redirectUri,
      client_id: server.clientId,
      client_secret: server.clientSecret,
    };
    const noVerifier = await fetch(`${server.url}/token`, {
      method: 'POST',
      body: new URLSearchParams(form),
    });
    assert.equal(noVerifier.status, 400);
    assert.match(await noVerifier.text(), /invalid_grant|invalid_request/);
    await assert.rejects(
      exchangeCode(
        nodeFetch,
        `${server.url}/token`,
        server,
        code,
        'wrong'.repeat(10),
        flow.redirectUri,
      ),
      (e: unknown) => e instanceof TokenEndpointError && e.googleCode === 'invalid_grant',
    );
    const noChallenge = new URL(flow.authorizationUrl);
    noChallenge.searchParams.delete('code_challenge');
    noChallenge.searchParams.delete('code_challenge_method');
    const refused = new URL(await browseUntil(noChallenge.toString(), flow.listener));
    assert.equal(refused.searchParams.get('error'), 'invalid_request');
    assert.equal(services.connect.cancel(flow.flowId), true);
    const outcome = await services.connect.result(flow.flowId);
    assert.equal(outcome.status === 'failed' && outcome.error.code, 'sign_in_cancelled');
  });

  test('other paths on the listener get 404 without ending the flow', async () => {
    const flow = await start();
    for (const path of [
      '/',
      '/favicon.ico',
      '/oauth2/callback/guess',
      `${new URL(flow.redirectUri).pathname}/x`,
    ]) {
      const res = await fetch(`${flow.listener}${path}`);
      assert.equal(res.status, 404, path);
      await res.arrayBuffer();
    }
    const callback = await browseUntil(flow.authorizationUrl, flow.listener);
    assert.equal((await fetch(callback)).status, 200);
    assert.equal((await services.connect.result(flow.flowId)).status, 'connected');
  });

  test('reconnecting the same channel replaces its tokens and keeps one row', async () => {
    const before = secrets.get({ kind: 'refresh_token', id: CHANNEL.id })?.toString();
    const flow = await start();
    await fetch(await browseUntil(flow.authorizationUrl, flow.listener));
    const outcome = await services.connect.result(flow.flowId);
    assert.equal(outcome.status === 'connected' && outcome.reconnected, true);
    assert.equal(services.channels.list().length, 1);
    assert.notEqual(secrets.get({ kind: 'refresh_token', id: CHANNEL.id })?.toString(), before);
  });
});
