import { randomId, hexS256, type TikTokWorld } from './state.ts';
import {
  escapeHtml,
  readBody,
  sendHtml,
  sendJson,
  sendOAuthError,
  type Exchange,
} from './http-io.ts';

const KNOWN_SCOPES = new Set(['user.info.basic', 'video.publish', 'video.upload']);
const CODE_LIFETIME_MS = 10 * 60_000;

interface AuthorizeRequest {
  clientKey: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  codeChallenge: string;
}

const pending = new WeakMap<TikTokWorld, Map<string, AuthorizeRequest>>();

function redirect(ex: Exchange, target: URL): void {
  ex.res.writeHead(302, { location: target.toString() });
  ex.res.end();
}

/** Login Kit for Desktop: only localhost or 127.0.0.1, always with a port. */
function loopbackRedirect(uri: string): URL | null {
  try {
    const u = new URL(uri);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') return null;
    if (!u.port || u.search || u.hash) return null;
    return u;
  } catch {
    return null;
  }
}

/** GET /v2/auth/authorize/ */
export function authorize(world: TikTokWorld, ex: Exchange): void {
  const q = ex.url.searchParams;
  const app = world.apps.get(q.get('client_key') ?? '');
  if (!app) return sendHtml(ex.res, 400, '<h1>client_key is not a registered app</h1>');
  const redirectUri = loopbackRedirect(q.get('redirect_uri') ?? '');
  if (!redirectUri)
    return sendHtml(
      ex.res,
      400,
      '<h1>redirect_uri must be a loopback URL (localhost or 127.0.0.1) with a port</h1>',
    );
  const back = (params: Record<string, string>) => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    target.searchParams.set('state', q.get('state') ?? '');
    redirect(ex, target);
  };
  if (q.get('response_type') !== 'code')
    return back({ error: 'invalid_request', error_description: 'response_type must be code' });
  const scopes = (q.get('scope') ?? '').split(',').filter(Boolean);
  if (scopes.length === 0 || scopes.some((s) => !KNOWN_SCOPES.has(s)))
    return back({ error: 'invalid_scope', error_description: 'unknown or missing scope' });
  const codeChallenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[0-9a-f]{64}$/.test(codeChallenge))
    return back({
      error: 'invalid_request',
      error_description: 'code_challenge must be the hex SHA-256 of the code_verifier, method S256',
    });
  const request: AuthorizeRequest = {
    clientKey: app.clientKey,
    redirectUri: redirectUri.toString(),
    state: q.get('state') ?? '',
    scopes,
    codeChallenge,
  };
  const chosen = q.get('sandbox_account');
  if (world.config.autoApprove || chosen) {
    const account = chosen ? world.accounts.get(chosen) : [...world.accounts.values()][0];
    if (!account) return sendHtml(ex.res, 400, '<h1>unknown sandbox_account</h1>');
    return approve(world, ex, request, account.openId);
  }
  const id = randomId('req-', 9);
  const map = pending.get(world) ?? new Map<string, AuthorizeRequest>();
  pending.set(world, map);
  map.set(id, request);
  const rows = [...world.accounts.values()]
    .map(
      (a) =>
        `<li><a data-testid="tiktok-consent-allow" data-open-id="${escapeHtml(a.openId)}" href="/v2/auth/authorize/decide?req=${id}&open_id=${encodeURIComponent(a.openId)}">Authorize as ${escapeHtml(a.nickname)} (@${escapeHtml(a.username)})</a></li>`,
    )
    .join('');
  sendHtml(
    ex.res,
    200,
    `<!doctype html><title>TikTok sandbox</title><h1>Authorize ${escapeHtml(app.clientKey)}</h1><p>Scopes: ${escapeHtml(scopes.join(', '))}</p><ul>${rows}</ul><a data-testid="tiktok-consent-cancel" href="/v2/auth/authorize/decide?req=${id}&deny=1">Cancel</a>`,
  );
}

/** The consent page's buttons. */
export function decide(world: TikTokWorld, ex: Exchange): void {
  const q = ex.url.searchParams;
  const map = pending.get(world);
  const request = map?.get(q.get('req') ?? '');
  if (!map || !request) return sendHtml(ex.res, 400, '<h1>this consent page has expired</h1>');
  map.delete(q.get('req')!);
  if (q.get('deny')) {
    const target = new URL(request.redirectUri);
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_description', 'The user denied the authorization.');
    target.searchParams.set('state', request.state);
    return redirect(ex, target);
  }
  const openId = q.get('open_id') ?? '';
  if (!world.accounts.has(openId)) return sendHtml(ex.res, 400, '<h1>unknown account</h1>');
  approve(world, ex, request, openId);
}

function approve(world: TikTokWorld, ex: Exchange, request: AuthorizeRequest, openId: string) {
  const code = randomId('code-sandbox-', 18);
  world.codes.set(code, {
    code,
    clientKey: request.clientKey,
    openId,
    scopes: request.scopes,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    expiresAt: world.clock.now() + CODE_LIFETIME_MS,
  });
  const target = new URL(request.redirectUri);
  target.searchParams.set('code', code);
  target.searchParams.set('scopes', request.scopes.join(','));
  target.searchParams.set('state', request.state);
  redirect(ex, target);
}

/** POST /v2/oauth/token/ (authorization_code and refresh_token). */
export async function token(world: TikTokWorld, ex: Exchange): Promise<void> {
  const type = ex.req.headers['content-type'] ?? '';
  const form = new URLSearchParams((await readBody(ex.req)).toString('utf8'));
  if (!type.startsWith('application/x-www-form-urlencoded'))
    return sendOAuthError(
      ex.res,
      400,
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded',
    );
  const app = world.apps.get(form.get('client_key') ?? '');
  if (!app || app.clientSecret !== form.get('client_secret'))
    return sendOAuthError(ex.res, 401, 'invalid_client', 'Client key or secret is invalid.');
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    const pendingCode = world.codes.get(form.get('code') ?? '');
    if (!pendingCode || pendingCode.clientKey !== app.clientKey)
      return sendOAuthError(ex.res, 400, 'invalid_grant', 'Authorization code is invalid.');
    world.codes.delete(pendingCode.code);
    if (pendingCode.expiresAt <= world.clock.now())
      return sendOAuthError(ex.res, 400, 'invalid_grant', 'Authorization code is expired.');
    if (form.get('redirect_uri') !== pendingCode.redirectUri)
      return sendOAuthError(ex.res, 400, 'invalid_request', 'redirect_uri does not match.');
    if (hexS256(form.get('code_verifier') ?? '') !== pendingCode.codeChallenge)
      return sendOAuthError(
        ex.res,
        400,
        'invalid_request',
        'Code verifier or code challenge is invalid.',
      );
    const grant = world.createGrant(app.clientKey, pendingCode.openId, pendingCode.scopes);
    return answerTokens(world, ex, grant);
  }
  if (grantType === 'refresh_token') {
    const grant = world.grantByRefresh(form.get('refresh_token') ?? '');
    if (
      !grant ||
      grant.revoked ||
      grant.clientKey !== app.clientKey ||
      grant.refreshExpiresAt <= world.clock.now()
    )
      return sendOAuthError(ex.res, 400, 'invalid_grant', 'Refresh token is invalid or expired.');
    world.rotate(grant);
    return answerTokens(world, ex, grant);
  }
  sendOAuthError(ex.res, 400, 'unsupported_grant_type', 'grant_type is not supported.');
}

function answerTokens(
  world: TikTokWorld,
  ex: Exchange,
  grant: ReturnType<TikTokWorld['createGrant']>,
) {
  const access = world.issueAccess(grant);
  sendJson(ex.res, 200, {
    access_token: access.token,
    expires_in: world.config.accessTokenLifetimeSec,
    open_id: grant.openId,
    refresh_expires_in: Math.round((grant.refreshExpiresAt - world.clock.now()) / 1000),
    refresh_token: grant.refreshToken,
    scope: grant.scopes.join(','),
    token_type: 'Bearer',
  });
}

/** POST /v2/oauth/revoke/: the grant and all its tokens end. */
export async function revoke(world: TikTokWorld, ex: Exchange): Promise<void> {
  const form = new URLSearchParams((await readBody(ex.req)).toString('utf8'));
  const app = world.apps.get(form.get('client_key') ?? '');
  if (!app || app.clientSecret !== form.get('client_secret'))
    return sendOAuthError(ex.res, 401, 'invalid_client', 'Client key or secret is invalid.');
  const t = form.get('token') ?? '';
  const access = world.accessTokens.get(t);
  const grant = access ? world.grants.get(access.grantId) : world.grantByRefresh(t);
  if (grant) grant.revoked = true;
  sendJson(ex.res, 200, {});
}
