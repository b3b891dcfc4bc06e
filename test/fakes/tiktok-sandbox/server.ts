import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { TikTokClock } from './clock.ts';
import { defaultConfig, type TikTokSandboxConfig } from './config.ts';
import { readBody, sendApi, sendJson, type Exchange } from './http-io.ts';
import { authorize, decide, revoke, token } from './oauth.ts';
import { creatorInfo, fetchStatus, initUpload } from './publish.ts';
import { defaultAccounts, defaultApps, type TikTokAccount, type TikTokApp } from './seed.ts';
import { TikTokWorld, type FaultSpec, type Post } from './state.ts';
import { putChunk } from './upload.ts';

export interface TikTokSandboxOptions {
  port?: number;
  autoApprove?: boolean;
  config?: Partial<TikTokSandboxConfig>;
  apps?: TikTokApp[];
  accounts?: (baseUrl: string) => TikTokAccount[];
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** The chunk PUT's Content-Range, for tests that count chunks. */
  range: string | null;
}

export interface UploadInspection {
  publishId: string;
  openId: string;
  mode: 'direct' | 'inbox';
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  chunksReceived: number;
  receipts: number[];
  status: string;
  failReason: string;
}

export interface TikTokSandbox {
  baseUrl: string;
  apps: { audited: TikTokApp; unaudited: TikTokApp };
  accounts: TikTokAccount[];
  config: TikTokSandboxConfig;
  clock: TikTokClock;
  /** Skip the browser: a grant as if the user had approved it. */
  issueTokens(
    openId: string,
    clientKey?: string,
    scopes?: string[],
  ): {
    accessToken: string;
    refreshToken: string;
  };
  faults: {
    set(spec: FaultSpec): void;
    clear(): void;
    /** Ends upload URLs (one, or all still open) now. */
    expireUploadUrl(publishId?: string): number;
    expireAccessTokens(openId?: string): number;
  };
  inspect: {
    posts(openId?: string): Post[];
    uploads(): UploadInspection[];
    requests(): RequestLogEntry[];
    /** Whether this refresh token still works (false once it was rotated away). */
    refreshTokenLive(refreshToken: string): boolean;
  };
  close(): Promise<void>;
}

/** A 1x1 PNG for the avatars. */
const AVATAR = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Starts a local TikTok (Login Kit OAuth v2 + Content Posting API) on 127.0.0.1. */
export async function startTikTokSandbox(
  options: TikTokSandboxOptions = {},
): Promise<TikTokSandbox> {
  const config = { ...defaultConfig(), ...options.config };
  if (options.autoApprove !== undefined) config.autoApprove = options.autoApprove;
  const clock = new TikTokClock();
  const world = new TikTokWorld(clock, config);
  const apps = options.apps ?? defaultApps;
  for (const app of apps) world.apps.set(app.clientKey, app);
  const log: RequestLogEntry[] = [];
  let baseUrl = '';

  async function route(ex: Exchange): Promise<void> {
    const p = ex.url.pathname;
    const m = ex.req.method;
    if (p === '/v2/auth/authorize/' && m === 'GET') return authorize(world, ex);
    if (p === '/v2/auth/authorize/decide' && m === 'GET') return decide(world, ex);
    if (p === '/v2/oauth/token/' && m === 'POST') return token(world, ex);
    if (p === '/v2/oauth/revoke/' && m === 'POST') return revoke(world, ex);
    if (p.startsWith('/__sandbox/avatar/')) {
      ex.res.writeHead(200, { 'content-type': 'image/png' });
      return void ex.res.end(AVATAR);
    }
    if (p.startsWith('/__sandbox/')) return control(ex);
    const failure = world.faults.failNext;
    if (failure && failure.count > 0 && (!failure.path || failure.path === p)) {
      failure.count -= 1;
      if (failure.count === 0) world.faults.failNext = null;
      ex.req.resume();
      return sendApi(ex.res, failure.status, {}, 'internal_error', 'Injected server error.');
    }
    if (p === '/upload/') return putChunk(world, ex);
    if (m !== 'POST') return sendApi(ex.res, 404, {}, 'invalid_params', 'Not found.');
    if (p === '/v2/post/publish/creator_info/query/') return creatorInfo(world, ex);
    if (p === '/v2/post/publish/video/init/') return initUpload(world, ex, 'direct', baseUrl);
    if (p === '/v2/post/publish/inbox/video/init/') return initUpload(world, ex, 'inbox', baseUrl);
    if (p === '/v2/post/publish/status/fetch/') return fetchStatus(world, ex);
    sendApi(ex.res, 404, {}, 'invalid_params', 'Not found.');
  }

  /** The same controls for another process (`npm run demo`, CLI tests). */
  async function control(ex: Exchange): Promise<void> {
    const what = ex.url.pathname.slice('/__sandbox/'.length);
    const body =
      ex.req.method === 'POST' ? JSON.parse((await readBody(ex.req)).toString() || '{}') : {};
    if (what === 'state')
      return sendJson(ex.res, 200, {
        apps,
        accounts: sandbox.accounts,
        uploads: sandbox.inspect.uploads(),
        posts: world.posts,
      });
    if (what === 'requests') return sendJson(ex.res, 200, log);
    if (what === 'faults') {
      sandbox.faults.set(body as FaultSpec);
      return sendJson(ex.res, 200, world.faults);
    }
    if (what === 'expire-upload-url')
      return sendJson(ex.res, 200, { expired: sandbox.faults.expireUploadUrl(body.publishId) });
    if (what === 'clock')
      return sendJson(ex.res, 200, { now: clock.advance(Number(body.advanceMs ?? 0)) });
    if (what === 'tokens')
      return sendJson(ex.res, 200, sandbox.issueTokens(String(body.openId), body.clientKey));
    sendJson(ex.res, 404, { error: `unknown control ${what}` });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const ex: Exchange = { req, res, url: new URL(req.url ?? '/', baseUrl || 'http://127.0.0.1') };
    res.on('close', () => {
      if (ex.url.pathname.startsWith('/__sandbox/')) return;
      log.push({
        method: req.method ?? '',
        path: ex.url.pathname,
        status: res.headersSent ? res.statusCode : 0,
        range: (req.headers['content-range'] as string | undefined) ?? null,
      });
    });
    route(ex).catch((error: unknown) => {
      if (!res.headersSent) sendApi(res, 500, {}, 'internal_error', (error as Error).message);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('tiktok sandbox: no TCP address');
  baseUrl = `http://127.0.0.1:${address.port}`;
  for (const a of (options.accounts ?? defaultAccounts)(baseUrl)) world.accounts.set(a.openId, a);

  const sandbox: TikTokSandbox = {
    baseUrl,
    apps: {
      audited: apps.find((a) => a.audited) ?? apps[0]!,
      unaudited: apps.find((a) => !a.audited) ?? apps[0]!,
    },
    accounts: [...world.accounts.values()],
    config,
    clock,
    issueTokens(openId, clientKey, scopes) {
      if (!world.accounts.has(openId)) throw new Error(`unknown account ${openId}`);
      const grant = world.createGrant(
        clientKey ?? sandbox.apps.audited.clientKey,
        openId,
        scopes ?? ['user.info.basic', 'video.publish', 'video.upload'],
      );
      return { accessToken: world.issueAccess(grant).token, refreshToken: grant.refreshToken };
    },
    faults: {
      set(spec) {
        world.faults = { ...world.faults, ...spec };
      },
      clear() {
        world.faults = {};
      },
      expireUploadUrl(publishId) {
        let n = 0;
        for (const u of world.uploads.values())
          if ((!publishId || u.publishId === publishId) && u.status === 'PROCESSING_UPLOAD') {
            u.expiresAt = clock.now() - 1;
            n++;
          }
        return n;
      },
      expireAccessTokens(openId) {
        let n = 0;
        for (const t of world.accessTokens.values()) {
          const g = world.grants.get(t.grantId);
          if (!openId || g?.openId === openId) {
            t.expiresAt = clock.now() - 1;
            n++;
          }
        }
        return n;
      },
    },
    inspect: {
      posts: (openId) =>
        world.posts.filter((p) => !openId || p.openId === openId).map((p) => ({ ...p })),
      uploads: () =>
        [...world.uploads.values()].map((u) => ({
          publishId: u.publishId,
          openId: u.openId,
          mode: u.mode,
          videoSize: u.videoSize,
          chunkSize: u.chunkSize,
          totalChunkCount: u.totalChunkCount,
          chunksReceived: u.chunks.length,
          receipts: [...u.receipts],
          status: u.status,
          failReason: u.failReason,
        })),
      requests: () => log.map((r) => ({ ...r })),
      refreshTokenLive: (t) => {
        const g = world.grantByRefresh(t);
        return Boolean(g && !g.revoked && g.refreshExpiresAt > clock.now());
      },
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sandbox;
}
