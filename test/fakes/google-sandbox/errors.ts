import type { ServerResponse } from 'node:http';
import { sendJson } from './http-io.ts';

/** One entry of Google's `errors` array. */
export interface GoogleErrorItem {
  reason: string;
  domain: string;
  message: string;
  location?: string;
  locationType?: string;
  extendedHelp?: string;
}

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  413: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The Data API error body: {"error":{"code","message","errors":[{reason,domain,message}],"status"}}. */
export function googleErrorBody(code: number, item: GoogleErrorItem, message = item.message) {
  return {
    error: {
      code,
      message,
      errors: [item],
      status: statusNames[code] ?? 'UNKNOWN',
    },
  };
}

export function sendApiError(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  domain = 'global',
  extra: Partial<GoogleErrorItem> = {},
): void {
  const headers: Record<string, string> = {};
  if (code === 401) headers['www-authenticate'] = 'Bearer realm="https://accounts.google.com/"';
  // extra.message, when given, is the short per-error text; `message` stays the top-level one.
  sendJson(
    res,
    code,
    googleErrorBody(code, { message, domain, reason, ...extra }, message),
    headers,
  );
}

/** OAuth endpoints answer {"error","error_description"} instead. */
export function sendOAuthError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
): void {
  sendJson(
    res,
    status,
    { error, error_description: description },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

export function missingParameter(res: ServerResponse, name: string): void {
  sendApiError(res, 400, 'required', `Required parameter: ${name}`, 'global', {
    location: name,
    locationType: 'parameter',
  });
}

export const messages = {
  quotaExceeded:
    'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
  invalidCredentials:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  loginRequired:
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  insufficientScopes: 'Request had insufficient authentication scopes.',
  backendError: 'Backend Error',
};
