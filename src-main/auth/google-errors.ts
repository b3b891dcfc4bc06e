/**
 * Google's OAuth error codes in words a creator understands. Codes from
 * RFC 6749 and the ones Google users report (google-facts.md).
 */
const WORDS: Record<string, string> = {
  access_denied:
    'Google sign-in was refused. If you clicked "Allow", your account may not be on the test-user list of this OAuth app (Google Cloud Console > OAuth consent screen > Test users).',
  invalid_grant:
    'Google no longer accepts this channel\'s sign-in (it was revoked, expired after 7 days in "Testing" mode, or replaced). Reconnect the channel.',
  invalid_client:
    'Google does not recognise this OAuth client. Check the client id and secret, or download client_secret.json again.',
  deleted_client:
    'This OAuth client was deleted in Google Cloud Console. Create a new "Desktop app" client and set it in Dropline.',
  unauthorized_client:
    'This OAuth client may not use this kind of sign-in. Use a "Desktop app" client.',
  redirect_uri_mismatch:
    'Google refused the return address. Use an OAuth client of type "Desktop app", which accepts any 127.0.0.1 address.',
  invalid_scope: 'Google refused the requested permissions (YouTube upload and management).',
  admin_policy_enforced: "Your organisation's Google administrator blocks this app.",
  org_internal: 'This OAuth app is limited to users of its own Google Workspace organisation.',
  disallowed_useragent: 'Google refused this browser. Open the link in a regular browser.',
  temporarily_unavailable: 'Google sign-in is temporarily unavailable. Try again in a few minutes.',
  server_error: 'Google had a problem during sign-in. Try again.',
  invalid_request: 'Google refused the sign-in request as malformed.',
  interaction_required: 'Google needs you to finish sign-in in the browser.',
  consent_required: 'Google needs your consent in the browser.',
  login_required: 'Google needs you to sign in in the browser.',
};

export function describeGoogleError(code: string, description?: string | null): string {
  const words = WORDS[code];
  if (words) return words;
  const extra = description ? `: ${description.slice(0, 200)}` : '';
  return `Google refused the sign-in (${code.slice(0, 60)})${extra}.`;
}
