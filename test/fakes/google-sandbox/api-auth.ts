import { SCOPE_PREFIX, type SandboxContext } from './context.ts';
import { messages, sendApiError } from './errors.ts';
import type { Exchange } from './http-io.ts';
import type { Grant } from './oauth-store.ts';
import type { ClientRegistration } from './seed.ts';
import type { ChannelState } from './world.ts';

export interface Caller {
  grant: Grant;
  channel: ChannelState;
  client: ClientRegistration;
  projectId: string;
}

const s = (name: string) => `${SCOPE_PREFIX}${name}`;

/** Scopes accepted per kind of call, from each method's reference page. */
export const scopeSets = {
  read: [s('youtube'), s('youtube.readonly'), s('youtube.force-ssl'), s('youtubepartner')],
  write: [s('youtube'), s('youtube.force-ssl'), s('youtubepartner')],
  upload: [s('youtube'), s('youtube.upload'), s('youtube.force-ssl'), s('youtubepartner')],
};

/**
 * The caller behind the bearer token, or null after answering 401 (missing,
 * unknown, expired or revoked token) or 403 (scopes do not cover the call).
 */
export function authenticate(ctx: SandboxContext, ex: Exchange, accepted: string[]): Caller | null {
  const header = /^Bearer\s+(\S+)$/i.exec(ex.req.headers.authorization ?? '');
  const value = header?.[1] ?? ex.url.searchParams.get('access_token');
  if (!value) {
    sendApiError(ex.res, 401, 'required', messages.loginRequired, 'global', {
      location: 'Authorization',
      locationType: 'header',
    });
    return null;
  }
  const checked = ctx.oauth.checkAccessToken(value);
  if (!('grant' in checked)) {
    sendApiError(ex.res, 401, 'authError', messages.invalidCredentials, 'global', {
      message: 'Invalid Credentials',
      location: 'Authorization',
      locationType: 'header',
    });
    return null;
  }
  const { grant } = checked;
  ex.channelId = grant.channelId;
  if (!grant.scopes.some((scope) => accepted.includes(scope))) {
    sendApiError(ex.res, 403, 'insufficientPermissions', messages.insufficientScopes);
    return null;
  }
  const client = ctx.oauth.clients.get(grant.clientId)!;
  return {
    grant,
    channel: ctx.world.channel(grant.channelId)!,
    client,
    projectId: client.projectId,
  };
}

/** Answers 403 quotaExceeded when the call no longer fits today's quota. */
export function affordOrReject(
  ctx: SandboxContext,
  ex: Exchange,
  caller: Caller,
  method: Parameters<SandboxContext['quota']['canAfford']>[1],
): boolean {
  if (ctx.quota.canAfford(caller.projectId, method)) return true;
  sendApiError(ex.res, 403, 'quotaExceeded', messages.quotaExceeded, 'youtube.quota');
  return false;
}

/** The comma-separated `part` parameter, or null after answering 400 required. */
export function requireParts(ex: Exchange, allowed: string[]): string[] | null {
  // Google takes `part=a,b` and `part=a&part=b` (the Node client sends the latter).
  const raw = ex.url.searchParams.getAll('part').join(',');
  if (!raw) {
    sendApiError(ex.res, 400, 'required', 'Required parameter: part', 'global', {
      location: 'part',
      locationType: 'parameter',
    });
    return null;
  }
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const bad = parts.find((p) => !allowed.includes(p));
  if (bad) {
    sendApiError(ex.res, 400, 'unknownPart', `'${bad}'`, 'youtube.part', {
      location: 'part',
      locationType: 'parameter',
    });
    return null;
  }
  return parts;
}
