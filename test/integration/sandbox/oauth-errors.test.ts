import { describe, test, beforeAll, afterAll, beforeEach } from 'vitest';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { ALICE, REDIRECT, api, authorize, errorReason, tokenRequest } from './helpers.ts';

const TESTING_CLIENT = '100000000002-sandboxtesting0000000000000000.apps.googleusercontent.com';
const TESTING_SECRET = 'GOCSPX-sandbox-testing-not-a-secret';
const verifier = 'v'.repeat(43) + '-._~0123456789';
const challenge = createHash('sha256').update(verifier).digest('base64url');

describe('OAuth errors as Google documents them', () => {
  let sandbox: GoogleSandbox;
  let client: { client_id: string; client_secret: string };
  beforeAll(async () => {
    sandbox = await startGoogleSandbox();
    client = {
      client_id: sandbox.defaultClient.clientId,
      client_secret: sandbox.defaultClient.clientSecret,
    };
  });
  beforeEach(() => sandbox.configure({ refreshTokenCap: 100 }));
  afterAll(() => sandbox.close());

  async function code(params: Record<string, string> = {}): Promise<string> {
    const back = await authorize(sandbox, {
      login_hint: ALICE,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...params,
    });
    return back.get('code')!;
  }
  const redeem = (c: string, extra: Record<string, string> = {}) =>
    tokenRequest(sandbox, {
      grant_type: 'authorization_code',
      code: c,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      ...client,
      ...extra,
    });
  const refresh = (refreshToken: string, extra: Record<string, string> = {}) =>
    tokenRequest(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...client,
      ...extra,
    });

  test('a wrong code_verifier is invalid_grant', async () => {
    const res = await redeem(await code(), { code_verifier: 'w'.repeat(43) });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json(), {
      error: 'invalid_grant',
      error_description: 'Invalid code verifier.',
    });
  });

  test('a code is single-use: the second redemption is invalid_grant', async () => {
    const c = await code();
    assert.equal((await redeem(c)).status, 200);
    const again = await redeem(c);
    assert.equal(again.status, 400);
    assert.equal(again.json().error, 'invalid_grant');
  });

  test('a code older than 10 minutes is invalid_grant', async () => {
    const c = await code();
    sandbox.clock.advance(10 * 60 * 1000 + 1);
    const res = await redeem(c);
    assert.equal(res.status, 400);
    assert.equal(res.json().error, 'invalid_grant');
  });

  test('the redirect_uri must be identical to the auth request', async () => {
    const res = await redeem(await code(), { redirect_uri: 'http://127.0.0.1:1/other' });
    assert.equal(res.status, 400);
    assert.equal(res.json().error, 'redirect_uri_mismatch');
  });

  test('a wrong client secret is 401 invalid_client; a missing one is invalid_request', async () => {
    const wrong = await redeem(await code(), { client_secret: 'GOCSPX-wrong-secret' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json().error, 'invalid_client');
    const missing = await tokenRequest(sandbox, {
      grant_type: 'authorization_code',
      code: await code(),
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: client.client_id,
    });
    assert.equal(missing.status, 400);
    assert.equal(missing.json().error, 'invalid_request');
    const unknown = await redeem(await code(), {
      client_id: '1-unknown.apps.googleusercontent.com',
    });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.json().error, 'invalid_client');
  });

  test('HTTP Basic client authentication works too', async () => {
    const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
    const res = await fetch(`${sandbox.baseUrl}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: await code(),
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }),
    });
    assert.equal(res.status, 200);
  });

  test('an unknown grant_type is unsupported_grant_type', async () => {
    const res = await tokenRequest(sandbox, {
      grant_type: 'password',
      username: 'a',
      password: 'b',
      ...client,
    });
    assert.equal(res.status, 400);
    assert.equal(res.json().error, 'unsupported_grant_type');
  });

  test('refresh answers a new access token and no new refresh token; after revoke it is invalid_grant', async () => {
    const tokens = (await redeem(await code())).json<{
      access_token: string;
      refresh_token: string;
    }>();
    const refreshed = await refresh(tokens.refresh_token);
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.json().refresh_token, undefined);
    assert.equal(refreshed.json().expires_in, 3599);
    const revoke = await fetch(`${sandbox.baseUrl}/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    assert.equal(revoke.status, 200);
    const after = await refresh(tokens.refresh_token);
    assert.equal(after.status, 400);
    assert.deepEqual(after.json(), {
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
    const again = await fetch(`${sandbox.baseUrl}/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    assert.equal(again.status, 400);
  });

  test('Testing-mode refresh tokens expire after 7 days', async () => {
    const c = await code({ client_id: TESTING_CLIENT });
    const res = await redeem(c, { client_id: TESTING_CLIENT, client_secret: TESTING_SECRET });
    const tokens = res.json<{ refresh_token: string; refresh_token_expires_in: number }>();
    assert.equal(tokens.refresh_token_expires_in, 7 * 24 * 3600);
    const creds = { client_id: TESTING_CLIENT, client_secret: TESTING_SECRET };
    sandbox.clock.advance(7 * 24 * 3600 * 1000 - 60_000);
    assert.equal((await refresh(tokens.refresh_token, creds)).status, 200);
    sandbox.clock.advance(120_000);
    const expired = await refresh(tokens.refresh_token, creds);
    assert.equal(expired.status, 400);
    assert.equal(expired.json().error, 'invalid_grant');
  });

  test('the 101st refresh token silently invalidates the oldest', async () => {
    sandbox.faults.revokeChannelTokens(ALICE);
    const oldest = (await redeem(await code())).json<{ refresh_token: string }>().refresh_token;
    const issued = [];
    for (let i = 1; i < 100; i++)
      issued.push(sandbox.issueTokens({ channelId: ALICE }).refreshToken);
    assert.equal((await refresh(oldest)).status, 200, 'still within the cap of 100');
    const newest = (await redeem(await code())).json<{ refresh_token: string }>().refresh_token;
    const res = await refresh(oldest);
    assert.equal(res.status, 400);
    assert.equal(res.json().error, 'invalid_grant');
    assert.equal((await refresh(newest)).status, 200);
    assert.equal((await refresh(issued.at(-1)!)).status, 200);
  });

  test('a second consent without prompt=consent returns no refresh token', async () => {
    const first = (await redeem(await code({ prompt: 'consent' }))).json();
    assert.ok(first.refresh_token);
    const second = (await redeem(await code({ prompt: 'select_account' }))).json();
    assert.equal(second.refresh_token, undefined);
    assert.ok(second.access_token);
  });

  test('the Data API answers 401 for a missing, unknown, expired or revoked access token', async () => {
    const list = (token: string | null) =>
      api(sandbox, token, 'GET', '/youtube/v3/channels?part=id&mine=true');
    const missing = await list(null);
    assert.equal(missing.status, 401);
    assert.equal(errorReason(missing), 'required');
    assert.match(String(missing.headers['www-authenticate']), /^Bearer/);
    const unknown = await list('ya29.sandbox-made-up');
    assert.equal(unknown.status, 401);
    assert.equal(errorReason(unknown), 'authError');
    assert.equal(unknown.json<{ error: { status: string } }>().error.status, 'UNAUTHENTICATED');

    const tokens = sandbox.issueTokens({ channelId: ALICE });
    assert.equal((await list(tokens.accessToken)).status, 200);
    sandbox.clock.advance(3599 * 1000);
    assert.equal((await list(tokens.accessToken)).status, 401, 'expired after expires_in');
    const fresh = (await refresh(tokens.refreshToken)).json<{ access_token: string }>()
      .access_token;
    assert.equal((await list(fresh)).status, 200);
    assert.equal(sandbox.faults.expireAccessTokens(ALICE) > 0, true);
    assert.equal((await list(fresh)).status, 401, 'expired by fault');
    const fresher = (await refresh(tokens.refreshToken)).json<{ access_token: string }>()
      .access_token;
    assert.equal((await list(fresher)).status, 200, 'the refresh token survives');
    sandbox.faults.revokeChannelTokens(ALICE);
    assert.equal((await list(fresher)).status, 401, 'revoked');
    assert.equal((await refresh(tokens.refreshToken)).json().error, 'invalid_grant');
  });

  test('a token without a YouTube scope that covers the call is 403 insufficientPermissions', async () => {
    const tokens = sandbox.issueTokens({
      channelId: ALICE,
      scopes: ['https://www.googleapis.com/auth/youtube.upload'],
    });
    const res = await api(
      sandbox,
      tokens.accessToken,
      'GET',
      '/youtube/v3/channels?part=id&mine=true',
    );
    assert.equal(res.status, 403);
    assert.equal(errorReason(res), 'insufficientPermissions');
  });
});
