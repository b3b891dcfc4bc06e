import { SCOPE_PREFIX, type SandboxContext } from './context.ts';
import { messages, sendApiError } from './errors.ts';
import { sendJson, type Exchange } from './http-io.ts';
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
  if (ctx.config.dataApiDisabled) {
    // Google's words, with the project *number* (the client id's first part).
    const project = /^(\d+)-/.exec(client.clientId)?.[1] ?? client.projectId;
    sendApiError(
      ex.res,
      403,
      'accessNotConfigured',
      `YouTube Data API v3 has not been used in project ${project} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=${project} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
      'usageLimits',
      {
        extendedHelp: `https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=${project}`,
      },
    );
    return null;
  }
  if (ctx.config.channelLessChannels.includes(grant.channelId)) {
    // An account without a channel: channels.list(mine) is empty, an upload is refused.
    if (ex.url.pathname.endsWith('/youtube/v3/channels')) {
      sendJson(ex.res, 200, { kind: 'youtube#channelListResponse', items: [] });
      return null;
    }
    sendApiError(ex.res, 401, 'youtubeSignupRequired', 'Unauthorized', 'youtube.header', {
      location: 'Authorization',
      locationType: 'header',
    });
    return null;
  }
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
