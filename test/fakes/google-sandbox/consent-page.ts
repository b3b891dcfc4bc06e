import { escapeHtml } from './http-io.ts';
import type { PendingAuth } from './oauth-store.ts';
import type { ClientRegistration } from './seed.ts';
import type { World } from './world.ts';

/**
 * Google's account chooser and consent screen in one page. Stable test ids:
 * consent-channel (one radio per channel, with data-channel-id), consent-allow,
 * consent-cancel, consent-error.
 */
export function renderConsentPage(opts: {
  pending: PendingAuth;
  client: ClientRegistration;
  world: World;
  error?: string;
}): string {
  const { pending, client, world } = opts;
  const hinted = world.resolveHint(pending.loginHint)?.seed.id;
  const accounts = world.accounts
    .map((account) => {
      const channels = account.channels
        .map((channel) => {
          const id = `channel-${escapeHtml(channel.id)}`;
          return `<li><label for="${id}"><input type="radio" id="${id}" name="channel_id"
  value="${escapeHtml(channel.id)}" data-testid="consent-channel" data-channel-id="${escapeHtml(channel.id)}"${
    channel.id === hinted ? ' checked' : ''
  }> ${escapeHtml(channel.title)} <small>${escapeHtml(channel.handle)}${channel.brand ? ' · brand account' : ''}</small></label></li>`;
        })
        .join('\n');
      return `<fieldset data-testid="consent-account" data-account-email="${escapeHtml(account.email)}">
<legend>${escapeHtml(account.name)} &lt;${escapeHtml(account.email)}&gt;</legend>
<ul>${channels}</ul></fieldset>`;
    })
    .join('\n');
  const scopes = pending.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  const error = opts.error
    ? `<p role="alert" data-testid="consent-error">${escapeHtml(opts.error)}</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (sandbox)</title></head>
<body>
<h1>Choose an account to continue to ${escapeHtml(client.name)}</h1>
${error}
<form method="post" action="/o/oauth2/v2/auth/consent">
<input type="hidden" name="txn" value="${escapeHtml(pending.id)}">
${accounts}
<p>${escapeHtml(client.name)} wants to:</p><ul data-testid="consent-scopes">${scopes}</ul>
<button type="submit" name="action" value="cancel" data-testid="consent-cancel" id="consent-cancel">Cancel</button>
<button type="submit" name="action" value="allow" data-testid="consent-allow" id="consent-allow">Allow</button>
</form>
</body></html>`;
}

/** Google shows problems with the client or redirect URI on its own page: it cannot trust the redirect. */
export function renderErrorPage(code: number, error: string, detail: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error ${code}: ${escapeHtml(error)}</title></head>
<body><h1>Access blocked: authorization error</h1>
<p data-testid="oauth-error" data-error="${escapeHtml(error)}">Error ${code}: ${escapeHtml(error)}</p>
<p>${escapeHtml(detail)}</p></body></html>`;
}
