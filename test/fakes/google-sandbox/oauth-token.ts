import { createHash, timingSafeEqual } from 'node:crypto';
import type { SandboxContext } from './context.ts';
import { sendOAuthError } from './errors.ts';
import { readForm, sendJson, type Exchange } from './http-io.ts';
import type { Grant } from './oauth-store.ts';
import type { ClientRegistration } from './seed.ts';

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Client credentials from HTTP Basic or the form body, checked the way Google answers. */
function authenticateClient(
  ctx: SandboxContext,
  ex: Exchange,
  form: URLSearchParams,
): ClientRegistration | null {
  let clientId = form.get('client_id');
  let secret = form.get('client_secret');
  const basic = /^Basic\s+(.+)$/i.exec(ex.req.headers.authorization ?? '');
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    clientId = decodeURIComponent(id ?? '');
    secret = decodeURIComponent(rest.join(':'));
  }
  if (!clientId) {
    sendOAuthError(ex.res, 400, 'invalid_request', 'Could not determine client ID from request.');
    return null;
  }
  const client = ctx.oauth.clients.get(clientId);
  if (!client) {
    sendOAuthError(ex.res, 401, 'invalid_client', 'The OAuth client was not found.');
    return null;
  }
  if (client.deleted) {
    sendOAuthError(ex.res, 401, 'deleted_client', 'The OAuth client was deleted.');
    return null;
  }
  // Desktop clients must send their (non-confidential) secret even with PKCE.
  if (!secret) {
    sendOAuthError(ex.res, 400, 'invalid_request', 'client_secret is missing.');
    return null;
  }
  if (!safeEqual(secret, client.clientSecret)) {
    sendOAuthError(ex.res, 401, 'invalid_client', 'Unauthorized');
    return null;
  }
  return client;
}

function tokenAnswer(
  ctx: SandboxContext,
  ex: Exchange,
  grant: Grant,
  includeRefresh: boolean,
): void {
  const access = ctx.oauth.issueAccessToken(grant);
  const body: Record<string, unknown> = {
    access_token: access.token,
    expires_in: ctx.config.accessTokenLifetimeSec,
    scope: grant.scopes.join(' '),
    token_type: 'Bearer',
  };
  if (includeRefresh && grant.refreshToken) {
    body.refresh_token = grant.refreshToken;
    // The refresh token is only sent when the grant is made, so its whole lifetime is what is
    // left; measured from the grant's own creation, not a clock read a moment later.
    if (grant.refreshExpiresAt !== null)
      body.refresh_token_expires_in = Math.round((grant.refreshExpiresAt - grant.createdAt) / 1000);
  }
  ex.channelId = grant.channelId;
  sendJson(ex.res, 200, body, noStore);
}

function verifierMatches(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
  const expected =
    method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return safeEqual(expected, challenge);
}

/** POST /token */
export async function handleToken(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const form = await readForm(ex.req);
  const grantType = form.get('grant_type');
  if (!grantType)
    return sendOAuthError(
      ex.res,
      400,
      'invalid_request',
      'Required parameter is missing: grant_type',
    );
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token')
    return sendOAuthError(
      ex.res,
      400,
      'unsupported_grant_type',
      `Invalid grant_type: ${grantType}`,
    );
  const client = authenticateClient(ctx, ex, form);
  if (!client) return;
  if (grantType === 'refresh_token') return refresh(ctx, ex, form, client);

  const codeValue = form.get('code');
  if (!codeValue)
    return sendOAuthError(ex.res, 400, 'invalid_request', 'Missing required parameter: code');
  const code = ctx.oauth.codes.get(codeValue);
  if (!code) return sendOAuthError(ex.res, 400, 'invalid_grant', 'Malformed auth code.');
  if (
    code.redeemed ||
    code.expiresAt <= ctx.clock.now() ||
    code.pending.clientId !== client.clientId
  )
    return sendOAuthError(ex.res, 400, 'invalid_grant', 'Bad Request');
  if (ctx.config.redirectUriMismatch || form.get('redirect_uri') !== code.pending.redirectUri)
    return sendOAuthError(ex.res, 400, 'redirect_uri_mismatch', 'Bad Request');
  const verifier = form.get('code_verifier');
  const { codeChallenge, codeChallengeMethod } = code.pending;
  if (codeChallenge && codeChallengeMethod) {
    if (!verifier) return sendOAuthError(ex.res, 400, 'invalid_grant', 'Missing code verifier.');
    if (!verifierMatches(verifier, codeChallenge, codeChallengeMethod))
      return sendOAuthError(ex.res, 400, 'invalid_grant', 'Invalid code verifier.');
  } else if (verifier) {
    return sendOAuthError(
      ex.res,
      400,
      'invalid_request',
      'code_verifier or verifier is not needed.',
    );
  }
  code.redeemed = true;
  const grant = ctx.oauth.createGrant({
    clientId: client.clientId,
    channelId: code.channelId,
    scopes: code.pending.scopes,
    offline: code.pending.offline,
    forceConsent: code.pending.forceConsent,
  });
  tokenAnswer(ctx, ex, grant, true);
}

function refresh(
  ctx: SandboxContext,
  ex: Exchange,
  form: URLSearchParams,
  client: ClientRegistration,
): void {
  const value = form.get('refresh_token');
  if (!value)
    return sendOAuthError(
      ex.res,
      400,
      'invalid_request',
      'Missing required parameter: refresh_token',
    );
  const grant = ctx.oauth.grantByRefreshToken(value);
  // Revoked, capped, Testing-mode expiry: all look the same to the client.
  if (!grant || grant.clientId !== client.clientId || !ctx.oauth.isGrantLive(grant))
    return sendOAuthError(ex.res, 400, 'invalid_grant', 'Token has been expired or revoked.');
  tokenAnswer(ctx, ex, grant, false);
}

/** POST /revoke with token in the form body or the query string. */
export async function handleRevoke(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const form = await readForm(ex.req);
  const value = form.get('token') ?? ex.url.searchParams.get('token');
  if (!value)
    return sendOAuthError(ex.res, 400, 'invalid_request', 'Missing required parameter: token');
  if (!ctx.oauth.revokeByToken(value))
    return sendOAuthError(ex.res, 400, 'invalid_token', 'Token expired or revoked');
  sendJson(ex.res, 200, {}, noStore);
}
