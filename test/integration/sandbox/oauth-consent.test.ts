import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { ALICE_BRAND, BOB, REDIRECT, YT, raw } from './helpers.ts';

describe('the authorization endpoint and consent page', () => {
  let sandbox: GoogleSandbox;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox();
  });
  afterAll(() => sandbox.close());

  function authUrl(params: Record<string, string> = {}): string {
    const url = new URL('/o/oauth2/v2/auth', sandbox.baseUrl);
    const all = {
      client_id: sandbox.defaultClient.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: YT,
      state: 's1',
      ...params,
    };
    for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
    return url.toString();
  }
  const get = (params: Record<string, string> = {}) => raw({ method: 'GET', url: authUrl(params) });
  const consent = (form: Record<string, string>) =>
    raw({
      method: 'POST',
      url: `${sandbox.baseUrl}/o/oauth2/v2/auth/consent`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const txnOf = (html: string) => /name="txn" value="([^"]+)"/.exec(html)![1]!;

  test('the page lists every channel with stable test ids and Allow/Cancel buttons', async () => {
    const page = await get();
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    for (const id of ['UCalice0000000000000000a', ALICE_BRAND, BOB])
      assert.match(page.text, new RegExp(`data-testid="consent-channel" data-channel-id="${id}"`));
    assert.match(page.text, /data-testid="consent-allow"/);
    assert.match(page.text, /data-testid="consent-cancel"/);
  });

  test('Allow with a chosen channel redirects with code, scope and state', async () => {
    const page = await get({ login_hint: 'bob@example.com' });
    assert.match(
      page.text,
      new RegExp(`data-channel-id="${BOB}" checked`),
      'login_hint by email preselects',
    );
    const res = await consent({ txn: txnOf(page.text), channel_id: ALICE_BRAND, action: 'allow' });
    assert.equal(res.status, 302);
    const back = new URL(String(res.headers.location));
    assert.equal(back.searchParams.get('state'), 's1');
    assert.equal(back.searchParams.get('scope'), YT);
    assert.match(back.searchParams.get('code') ?? '', /^4\/0sandbox-/);
  });

  test('Allow without a channel shows the page again with an error', async () => {
    const res = await consent({ txn: txnOf((await get()).text), action: 'allow' });
    assert.equal(res.status, 400);
    assert.match(res.text, /data-testid="consent-error"/);
  });

  test('Cancel redirects with error=access_denied and the state', async () => {
    const res = await consent({ txn: txnOf((await get()).text), action: 'cancel' });
    assert.equal(res.status, 302);
    const back = new URL(String(res.headers.location));
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), 's1');
  });

  test('an unknown client or a non-loopback redirect gets an error page, not a redirect', async () => {
    const client = await get({ client_id: '9-nope.apps.googleusercontent.com' });
    assert.equal(client.status, 401);
    assert.match(client.text, /data-error="invalid_client"/);
    const redirect = await get({ redirect_uri: 'https://evil.example/cb' });
    assert.equal(redirect.status, 400);
    assert.match(redirect.text, /data-error="redirect_uri_mismatch"/);
    assert.equal(
      (await get({ redirect_uri: 'http://[::1]:9/cb' })).status,
      200,
      '[::1] is loopback too',
    );
  });

  test('bad request parameters go back to the redirect URI as error=...', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ scope: 'https://www.googleapis.com/auth/drive' }, 'invalid_scope'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ code_challenge: 'short', code_challenge_method: 'S256' }, 'invalid_request'],
      [{ code_challenge: 'x'.repeat(43), code_challenge_method: 'S512' }, 'invalid_request'],
    ];
    for (const [params, error] of cases) {
      const res = await get(params);
      assert.equal(res.status, 302, JSON.stringify(params));
      assert.equal(new URL(String(res.headers.location)).searchParams.get('error'), error);
    }
  });

  test('auto-approve needs a login_hint naming a channel', async () => {
    const page = await get({ sandbox_auto_approve: '1' });
    assert.equal(page.status, 200, 'no hint: the page is shown');
    const res = await get({ sandbox_auto_approve: '1', login_hint: BOB });
    assert.equal(res.status, 302);
    assert.ok(new URL(String(res.headers.location)).searchParams.get('code'));
  });

  test('a Testing-mode app refuses accounts that are not test users (403 access_denied)', async () => {
    sandbox.registerClient({
      clientId: '3-testing.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-another-one',
      publishingStatus: 'testing',
      testUsers: ['alice@example.com'],
    });
    const res = await get({
      client_id: '3-testing.apps.googleusercontent.com',
      sandbox_auto_approve: '1',
      login_hint: BOB,
    });
    assert.equal(res.status, 403);
    assert.match(res.text, /data-error="access_denied"/);
    const alice = await get({
      client_id: '3-testing.apps.googleusercontent.com',
      sandbox_auto_approve: '1',
      login_hint: ALICE_BRAND,
    });
    assert.equal(alice.status, 302);
  });
});
