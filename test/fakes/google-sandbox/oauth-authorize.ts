import { renderConsentPage, renderErrorPage } from './consent-page.ts';
import { knownScopes, type SandboxContext } from './context.ts';
import { readForm, redirect, sendHtml, type Exchange } from './http-io.ts';
import type { PendingAuth } from './oauth-store.ts';

const PENDING_LIFETIME_MS = 60 * 60 * 1000;
const UNRESERVED_43_128 = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Desktop clients may redirect to any port of a loopback address. */
export function isLoopbackRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname) &&
    url.hash === '' &&
    url.username === ''
  );
}

function redirectWith(
  ex: Exchange,
  redirectUri: string,
  params: Record<string, string | null>,
): void {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== null) target.searchParams.set(key, value);
  redirect(ex.res, target.toString());
}

/** GET /o/oauth2/v2/auth */
export function handleAuthorize(ctx: SandboxContext, ex: Exchange): void {
  const q = ex.url.searchParams;
  const client = ctx.oauth.clients.get(q.get('client_id') ?? '');
  if (!client)
    return sendHtml(
      ex.res,
      401,
      renderErrorPage(401, 'invalid_client', 'The OAuth client was not found.'),
    );
  if (client.deleted)
    return sendHtml(
      ex.res,
      401,
      renderErrorPage(401, 'deleted_client', 'The OAuth client was deleted.'),
    );
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!isLoopbackRedirect(redirectUri))
    return sendHtml(
      ex.res,
      400,
      renderErrorPage(
        400,
        'redirect_uri_mismatch',
        `Desktop clients must redirect to a loopback address (http://127.0.0.1:PORT). redirect_uri=${redirectUri}`,
      ),
    );
  const state = q.get('state');
  const fail = (error: string, description: string) =>
    redirectWith(ex, redirectUri, { error, error_description: description, state });

  if (q.get('response_type') !== 'code')
    return fail(
      'unsupported_response_type',
      `Invalid response_type: ${q.get('response_type') ?? ''}`,
    );
  const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) return fail('invalid_request', 'Missing required parameter: scope');
  const unknown = scopes.filter((s) => !knownScopes.has(s));
  if (unknown.length)
    return fail(
      'invalid_scope',
      `Some requested scopes were invalid. {invalid=[${unknown.join(', ')}]}`,
    );

  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method');
  if (method && !challenge)
    return fail('invalid_request', 'code_challenge_method without code_challenge');
  if (method && method !== 'S256' && method !== 'plain')
    return fail('invalid_request', `Invalid code_challenge_method: ${method}`);
  if (challenge && !UNRESERVED_43_128.test(challenge))
    return fail('invalid_request', 'Invalid code_challenge: 43-128 unreserved characters expected');
  const accessType = q.get('access_type') ?? 'online';
  if (accessType !== 'online' && accessType !== 'offline')
    return fail('invalid_request', `Invalid access_type: ${accessType}`);

  const pending = ctx.oauth.addPending({
    clientId: client.clientId,
    redirectUri,
    scopes,
    state,
    codeChallenge: challenge,
    codeChallengeMethod: challenge ? ((method ?? 'plain') as 'S256' | 'plain') : null,
    offline: accessType === 'offline',
    forceConsent: (q.get('prompt') ?? '').split(' ').includes('consent'),
    loginHint: q.get('login_hint'),
  });
  const hinted = ctx.world.resolveHint(pending.loginHint);
  const autoApprove = ctx.config.autoApprove || q.get('sandbox_auto_approve') === '1';
  if (autoApprove && hinted) return approve(ctx, ex, pending, hinted.seed.id);
  sendHtml(ex.res, 200, renderConsentPage({ pending, client, world: ctx.world }));
}

/** POST /o/oauth2/v2/auth/consent: the consent form's Allow or Cancel. */
export async function handleConsent(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const form = await readForm(ex.req);
  const pending = ctx.oauth.pending.get(form.get('txn') ?? '');
  if (!pending || pending.createdAt + PENDING_LIFETIME_MS < ctx.clock.now())
    return sendHtml(
      ex.res,
      400,
      renderErrorPage(
        400,
        'invalid_request',
        'This sign-in attempt has expired. Start again from the app.',
      ),
    );
  if (form.get('action') !== 'allow') {
    ctx.oauth.pending.delete(pending.id);
    return redirectWith(ex, pending.redirectUri, { error: 'access_denied', state: pending.state });
  }
  const channel = ctx.world.channel(form.get('channel_id') ?? '');
  if (!channel) {
    const client = ctx.oauth.clients.get(pending.clientId)!;
    return sendHtml(
      ex.res,
      400,
      renderConsentPage({ pending, client, world: ctx.world, error: 'Choose a channel.' }),
    );
  }
  approve(ctx, ex, pending, channel.seed.id);
}

function approve(ctx: SandboxContext, ex: Exchange, pending: PendingAuth, channelId: string): void {
  const client = ctx.oauth.clients.get(pending.clientId)!;
  const account = ctx.world.channel(channelId)!.account;
  // Testing-mode apps refuse anyone not on the test-user list, on Google's own page.
  if (
    client.publishingStatus === 'testing' &&
    client.testUsers &&
    !client.testUsers.includes(account.email)
  ) {
    ctx.oauth.pending.delete(pending.id);
    const why = `${client.name} has not completed the Google verification process and ${account.email} is not a test user.`;
    if (ctx.config.testUserDenial === 'redirect')
      return redirectWith(ex, pending.redirectUri, {
        error: 'access_denied',
        error_description: why,
        state: pending.state,
      });
    return sendHtml(ex.res, 403, renderErrorPage(403, 'access_denied', why));
  }
  ex.channelId = channelId;
  const code = ctx.oauth.issueCode(pending, channelId);
  redirectWith(ex, pending.redirectUri, {
    code,
    scope: pending.scopes.join(' '),
    state: pending.state,
  });
}
