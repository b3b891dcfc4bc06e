import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { youtube } from '@googleapis/youtube';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { ALICE_BRAND, REDIRECT, YT, YT_UPLOAD, raw, tinyPng, uploadWhole } from './helpers.ts';

function oauthClient(sandbox: GoogleSandbox): OAuth2Client {
  return new OAuth2Client({
    clientId: sandbox.defaultClient.clientId,
    clientSecret: sandbox.defaultClient.clientSecret,
    redirectUri: REDIRECT,
    endpoints: {
      oauth2AuthBaseUrl: `${sandbox.baseUrl}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${sandbox.baseUrl}/token`,
      oauth2RevokeUrl: `${sandbox.baseUrl}/revoke`,
    },
  });
}

function gaxiosStatus(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}

describe("the sandbox with Google's own Node clients", () => {
  let sandbox: GoogleSandbox;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox();
  });
  afterAll(() => sandbox.close());

  test('PKCE sign-in, refresh, channels.list, thumbnails.set, revoke', async () => {
    const client = oauthClient(sandbox);
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const authUrl = client.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: [YT, YT_UPLOAD],
      state: 'state-123',
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      login_hint: ALICE_BRAND,
    });
    assert.ok(authUrl.startsWith(`${sandbox.baseUrl}/o/oauth2/v2/auth?`));

    const consent = await raw({ method: 'GET', url: `${authUrl}&sandbox_auto_approve=1` });
    assert.equal(consent.status, 302);
    const back = new URL(String(consent.headers.location));
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT);
    assert.equal(back.searchParams.get('state'), 'state-123');
    const code = back.searchParams.get('code');
    assert.ok(code);

    const { tokens } = await client.getToken({ code, codeVerifier });
    assert.match(tokens.access_token ?? '', /^ya29\.sandbox-/);
    assert.match(tokens.refresh_token ?? '', /^1\/\/sandbox-/);
    assert.equal(tokens.token_type, 'Bearer');
    assert.ok((tokens.expiry_date ?? 0) > Date.now());
    client.setCredentials(tokens);

    const refreshed = await client.refreshAccessToken();
    assert.notEqual(refreshed.credentials.access_token, tokens.access_token);
    assert.equal(
      refreshed.credentials.refresh_token,
      tokens.refresh_token,
      'refresh tokens are not rotated',
    );

    const yt = youtube({ version: 'v3', auth: client, rootUrl: `${sandbox.baseUrl}/` });
    const channels = await yt.channels.list({
      part: ['snippet', 'contentDetails', 'statistics', 'status'],
      mine: true,
    });
    assert.equal(channels.status, 200);
    assert.equal(channels.data.items?.length, 1);
    assert.equal(channels.data.items?.[0]?.id, ALICE_BRAND, 'the channel chosen at consent');
    assert.equal(channels.data.items?.[0]?.snippet?.title, 'Alice Travels');
    assert.equal(
      channels.data.items?.[0]?.contentDetails?.relatedPlaylists?.uploads,
      `UU${ALICE_BRAND.slice(2)}`,
    );

    const videoId = await uploadWhole(
      sandbox,
      refreshed.credentials.access_token!,
      Buffer.from('not really a video'),
    );
    // A global rootUrl does not reach media URLs in googleapis-common: pass it per call too.
    const thumb = await yt.thumbnails.set(
      { videoId, media: { mimeType: 'image/png', body: Readable.from([tinyPng]) } },
      { rootUrl: `${sandbox.baseUrl}/` },
    );
    assert.equal(thumb.status, 200);
    assert.equal(thumb.data.kind, 'youtube#thumbnailSetResponse');
    const stored = sandbox.inspect.video(videoId);
    assert.equal(stored?.thumbnail?.sha256, createHash('sha256').update(tinyPng).digest('hex'));
    assert.equal(stored?.thumbnail?.contentType, 'image/png');

    const revoked = await client.revokeToken(refreshed.credentials.access_token!);
    assert.equal(revoked.status, 200);
    // Revoking the access token revoked the grant: no refresh, no API access.
    const refreshAfter = await client.refreshAccessToken().catch((e: unknown) => e);
    assert.equal(gaxiosStatus(refreshAfter), 400);
    assert.equal(
      (refreshAfter as { response: { data: { error: string } } }).response.data.error,
      'invalid_grant',
    );
    const listAfter = await yt.channels
      .list(
        { part: ['id'], mine: true },
        { headers: { authorization: `Bearer ${refreshed.credentials.access_token}` } },
      )
      .catch((e: unknown) => e);
    assert.equal(gaxiosStatus(listAfter), 401);
  });

  test('getToken with a wrong verifier is invalid_grant, as the library reports it', async () => {
    const client = oauthClient(sandbox);
    const { codeChallenge } = await client.generateCodeVerifierAsync();
    const other = await client.generateCodeVerifierAsync();
    const authUrl = client.generateAuthUrl({
      access_type: 'offline',
      scope: [YT],
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      login_hint: ALICE_BRAND,
    });
    const consent = await raw({ method: 'GET', url: `${authUrl}&sandbox_auto_approve=1` });
    const code = new URL(String(consent.headers.location)).searchParams.get('code')!;
    const error = await client
      .getToken({ code, codeVerifier: other.codeVerifier })
      .catch((e: unknown) => e);
    assert.equal(gaxiosStatus(error), 400);
    assert.deepEqual((error as { response: { data: unknown } }).response.data, {
      error: 'invalid_grant',
      error_description: 'Invalid code verifier.',
    });
  });
});
