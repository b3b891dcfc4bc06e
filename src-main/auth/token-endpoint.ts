import { z } from 'zod';
import { readJson, type HttpFetch } from './http.ts';
import { bodyText } from '../base/http-response.ts';
import { describeGoogleError } from './google-errors.ts';

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  refresh_token: z.string().min(1).optional(),
  /** Apps in Testing mode: the refresh token's remaining life in seconds (google-facts.md). */
  refresh_token_expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
  id_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

const ErrorBodySchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/**
 * Why a token call failed, as far as retrying goes: `invalid_grant` needs a
 * new consent, `client` a new OAuth client, `transient` may be retried,
 * `permanent` may not.
 */
export type TokenErrorKind = 'invalid_grant' | 'client' | 'transient' | 'permanent';

export class TokenEndpointError extends Error {
  readonly kind: TokenErrorKind;
  readonly googleCode: string | null;
  readonly status: number | null;

  constructor(
    kind: TokenErrorKind,
    message: string,
    googleCode: string | null,
    status: number | null,
  ) {
    super(message);
    this.name = 'TokenEndpointError';
    this.kind = kind;
    this.googleCode = googleCode;
    this.status = status;
  }
}

const CLIENT_ERRORS = new Set(['invalid_client', 'deleted_client', 'unauthorized_client']);

async function postForm(
  http: HttpFetch,
  url: string,
  form: Record<string, string>,
  what: string,
): Promise<TokenResponse> {
  let res;
  try {
    res = await http(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (error) {
    throw new TokenEndpointError(
      'transient',
      `${what}: Google could not be reached (${(error as Error).message}).`,
      null,
      null,
    );
  }
  if (res.status >= 500 || res.status === 429) {
    throw new TokenEndpointError(
      'transient',
      `${what}: Google answered HTTP ${res.status}.`,
      null,
      res.status,
    );
  }
  const body = await readJson(res, what).catch((error: Error) => {
    throw new TokenEndpointError('permanent', error.message, null, res.status);
  });
  if (res.status !== 200) {
    const parsed = ErrorBodySchema.safeParse(body);
    const code = parsed.success ? parsed.data.error : `http_${res.status}`;
    const kind: TokenErrorKind =
      code === 'invalid_grant' ? 'invalid_grant' : CLIENT_ERRORS.has(code) ? 'client' : 'permanent';
    throw new TokenEndpointError(
      kind,
      describeGoogleError(code, parsed.data?.error_description),
      code,
      res.status,
    );
  }
  const parsed = TokenResponseSchema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ');
    throw new TokenEndpointError(
      'permanent',
      `${what}: Google's answer lacks or mangles: ${fields}.`,
      null,
      res.status,
    );
  }
  return parsed.data;
}

export interface ClientAuth {
  clientId: string;
  clientSecret: string;
}

/** Authorization code -> tokens. Desktop clients send their secret even with PKCE (google-facts.md). */
export function exchangeCode(
  http: HttpFetch,
  tokenUrl: string,
  client: ClientAuth,
  code: string,
  codeVerifier: string,
  redirectUri: string,
): Promise<TokenResponse> {
  return postForm(
    http,
    tokenUrl,
    {
      grant_type: 'authorization_code',
      code,
      code_verifier: codeVerifier,
      redirect_uri: redirectUri,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    },
    'Token exchange',
  );
}

export function refreshAccessToken(
  http: HttpFetch,
  tokenUrl: string,
  client: ClientAuth,
  refreshToken: string,
): Promise<TokenResponse> {
  return postForm(
    http,
    tokenUrl,
    {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    },
    'Token refresh',
  );
}

/**
 * POST /revoke token=... (200 ok, 400 error). A 400 `invalid_token` means it
 * was already revoked or expired: for a disconnect that is success too.
 * The client authenticates when known (RFC 7009); Google ignores it.
 */
export async function revokeToken(
  http: HttpFetch,
  revokeUrl: string,
  token: string,
  client: ClientAuth | null = null,
): Promise<boolean> {
  const form: Record<string, string> = { token, token_type_hint: 'refresh_token' };
  if (client)
    Object.assign(form, { client_id: client.clientId, client_secret: client.clientSecret });
  let res;
  try {
    res = await http(revokeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  } catch {
    return false;
  }
  const text = bodyText(res);
  if (res.status === 200) return true;
  return res.status === 400 && /invalid_token/.test(text);
}
