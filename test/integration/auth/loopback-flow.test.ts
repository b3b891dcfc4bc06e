import assert from 'node:assert/strict';
import { test } from 'vitest';
import { LoopbackFlow } from '../../../src-main/auth/loopback-flow.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';

async function startFlow(clock = new FakeClock(), timeoutMs?: number) {
  return LoopbackFlow.start({
    authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
    clientId: 'id',
    scopes: ['https://www.googleapis.com/auth/youtube'],
    loginHint: 'UCabc',
    timeoutMs,
    clock,
  });
}

function callbackUrl(flow: LoopbackFlow, params: Record<string, string>): string {
  const state = new URL(flow.authorizationUrl).searchParams.get('state') as string;
  const url = new URL(flow.redirectUri);
  for (const [k, v] of Object.entries({ state, ...params })) url.searchParams.set(k, v);
  return url.toString();
}

test('the authorization URL asks for offline access, consent, PKCE and both YouTube scopes', async () => {
  const flow = await startFlow();
  const url = new URL(flow.authorizationUrl);
  assert.equal(url.origin + url.pathname, 'https://accounts.google.com/o/oauth2/v2/auth');
  for (const [k, v] of Object.entries({
    response_type: 'code',
    access_type: 'offline',
    prompt: 'consent',
    code_challenge_method: 'S256',
    login_hint: 'UCabc',
  }))
    assert.equal(url.searchParams.get(k), v, k);
  assert.equal(url.searchParams.get('redirect_uri'), flow.redirectUri);
  flow.cancel();
  await flow.closed();
});

test('access_denied ends the flow with plain words, and the listener closes', async () => {
  const flow = await startFlow();
  const res = await fetch(callbackUrl(flow, { error: 'access_denied' }));
  assert.equal(res.status, 200);
  assert.match(await res.text(), /return to Dropline/);
  await assert.rejects(flow.result, { code: 'access_denied', message: /test-user list/ });
  await flow.closed();
  await assert.rejects(fetch(flow.redirectUri));
});

test('an error with a wrong state does not end the flow', async () => {
  const flow = await startFlow();
  const forged = new URL(callbackUrl(flow, { error: 'access_denied' }));
  forged.searchParams.set('state', 'nope');
  assert.equal((await fetch(forged)).status, 400);
  assert.equal(flow.settled, false);
  flow.cancel();
  await assert.rejects(flow.result, { code: 'sign_in_cancelled' });
  await flow.closed();
});

test('after the timeout (5 minutes by default) the flow fails and the listener is closed', async () => {
  const clock = new FakeClock();
  const flow = await startFlow(clock);
  await clock.advance(5 * 60_000 - 1);
  assert.equal(flow.settled, false);
  await clock.advance(1);
  await assert.rejects(flow.result, { code: 'sign_in_timeout', message: /5 minutes/ });
  await flow.closed();
  await assert.rejects(fetch(flow.redirectUri));
});

test('a Host header other than 127.0.0.1:port is treated as a wrong path', async () => {
  const flow = await startFlow();
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const u = new URL(callbackUrl(flow, { code: 'c' }));
    const req = request(
      {
        host: '127.0.0.1',
        port: u.port,
        path: u.pathname + u.search,
        headers: { host: `evil.example:${u.port}` },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
  assert.equal(status, 404);
  assert.equal(flow.settled, false);
  const ok = await fetch(callbackUrl(flow, { code: 'the-code' }));
  assert.equal(ok.status, 200);
  const grant = await flow.result;
  assert.equal(grant.code, 'the-code');
  assert.match(grant.codeVerifier, /^[\w-]{43}$/);
  await flow.closed();
});
