import type { ConfigPatch } from './config.ts';
import { readBody, sendJson, type Exchange } from './http-io.ts';
import type { FaultSpec } from './faults.ts';
import type { GoogleSandbox } from './sandbox-types.ts';

export const CONTROL_PREFIX = '/__sandbox';

type Body = Record<string, unknown>;
type ControlRoute = (sandbox: GoogleSandbox, body: Body, ex: Exchange) => unknown;

const str = (body: Body, key: string): string | undefined => {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`${key} must be a string`);
  return value;
};

/** The same operations as the in-process API, as JSON over HTTP for other processes. */
const routes: Record<string, ControlRoute> = {
  'GET /state': (s) => s.inspect.state(),
  'GET /requests': (s) => s.inspect.requests(),
  'GET /sessions': (s) => s.inspect.sessions(),
  'GET /quota': (s, _b, ex) => s.quota.snapshot(ex.url.searchParams.get('projectId') ?? undefined),
  'POST /quota': (s, b) => {
    s.quota.setUsed(str(b, 'projectId'), Number(b.used ?? 0), Number(b.insertCalls ?? 0));
    return s.quota.snapshot(str(b, 'projectId'));
  },
  'GET /clients': (s) => s.clients(),
  'POST /clients': (s, b) => s.registerClient(b as Parameters<GoogleSandbox['registerClient']>[0]),
  'GET /config': (s) => s.config,
  'POST /config': (s, b) => s.configure(b as ConfigPatch),
  'GET /clock': (s) => clockState(s),
  'POST /clock': (s, b) => {
    if (typeof b.advanceMs === 'number') s.clock.advance(b.advanceMs);
    else if (typeof b.setMs === 'number') s.clock.set(b.setMs);
    else if (b.to === 'nextPacificMidnight')
      s.clock.set(s.clock.nextPacificMidnight() + Number(b.plusMs ?? 0));
    else
      throw new Error('give advanceMs, setMs, or to: "nextPacificMidnight" (with optional plusMs)');
    return clockState(s);
  },
  'GET /faults': (s) => s.faults.snapshot(),
  'POST /faults': (s, b) => s.faults.set(b as FaultSpec),
  'DELETE /faults': (s) => s.faults.clear(),
  'POST /faults/revoke-channel': (s, b) => ({
    revoked: s.faults.revokeChannelTokens(str(b, 'channelId') ?? ''),
  }),
  'POST /faults/expire-upload-session': (s, b) => ({
    expired: s.faults.expireUploadSession(str(b, 'uploadId')),
  }),
  'POST /faults/expire-access-tokens': (s, b) => ({
    expired: s.faults.expireAccessTokens(str(b, 'channelId')),
  }),
  'POST /tokens': (s, b) =>
    s.issueTokens({
      channelId: str(b, 'channelId') ?? '',
      clientId: str(b, 'clientId'),
      scopes: Array.isArray(b.scopes) ? (b.scopes as string[]) : undefined,
    }),
};

function clockState(s: GoogleSandbox) {
  return {
    now: new Date(s.clock.now()).toISOString(),
    nowMs: s.clock.now(),
    nextPacificMidnight: new Date(s.clock.nextPacificMidnight()).toISOString(),
  };
}

export async function handleControl(sandbox: GoogleSandbox, ex: Exchange): Promise<void> {
  const sub = ex.url.pathname.slice(CONTROL_PREFIX.length) || '/';
  let key = `${ex.req.method} ${sub}`;
  let routeArg: Body | null = null;
  const channel = /^\/(channels|videos)\/([\w-]+)$/.exec(sub);
  if (ex.req.method === 'GET' && channel) {
    key = `GET /${channel[1]}/:id`;
    routeArg = { id: channel[2] };
  }
  try {
    const text = (await readBody(ex.req, 1024 * 1024)).toString('utf8');
    const body = (text.trim() ? JSON.parse(text) : {}) as Body;
    if (key === 'GET /channels/:id')
      return sendJson(ex.res, 200, sandbox.inspect.channel(String(routeArg!.id)));
    if (key === 'GET /videos/:id') {
      const video = sandbox.inspect.video(String(routeArg!.id));
      return video
        ? sendJson(ex.res, 200, video)
        : sendJson(ex.res, 404, { error: `no video ${routeArg!.id}` });
    }
    const route = routes[key];
    if (!route)
      return sendJson(ex.res, 404, {
        error: `no control route ${key}`,
        routes: Object.keys(routes),
      });
    sendJson(ex.res, 200, (await route(sandbox, body, ex)) ?? {});
  } catch (error) {
    sendJson(ex.res, 400, { error: (error as Error).message });
  }
}
