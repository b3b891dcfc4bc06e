import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxClock } from './clock.ts';
import { applyConfigPatch, defaultConfig } from './config.ts';
import type { SandboxContext } from './context.ts';
import { CONTROL_PREFIX, handleControl } from './control.ts';
import { messages, sendApiError } from './errors.ts';
import { Faults } from './faults.ts';
import { discardBody, sleep, type Exchange } from './http-io.ts';
import {
  inspectAll,
  inspectChannel,
  inspectSession,
  inspectVideo,
  redactPath,
  type RequestLogEntry,
} from './inspect.ts';
import { OAuthStore } from './oauth-store.ts';
import { QuotaLedger } from './quota.ts';
import { routeRequest } from './routes.ts';
import type { GoogleSandbox, GoogleSandboxOptions } from './sandbox-types.ts';
import { defaultSeedPath, loadSeedFile, parseSeed, type Seed } from './seed.ts';
import { World } from './world.ts';

const REQUEST_LOG_LIMIT = 10_000;
const YOUTUBE = 'https://www.googleapis.com/auth/youtube';

function loadSeed(seed: GoogleSandboxOptions['seed']): Seed {
  if (seed === undefined) return loadSeedFile(defaultSeedPath);
  return typeof seed === 'string' ? loadSeedFile(seed) : parseSeed(seed, '(options.seed)');
}

/** Starts a local Google (OAuth + YouTube Data API v3) on 127.0.0.1. */
export async function startGoogleSandbox(
  options: GoogleSandboxOptions = {},
): Promise<GoogleSandbox> {
  const seed = loadSeed(options.seed);
  const config = defaultConfig();
  applyConfigPatch(config, {
    ...options.config,
    ...(options.autoApprove !== undefined ? { autoApprove: options.autoApprove } : {}),
  });
  const clock = new SandboxClock(options.startAt);
  const ownFilesDir = options.filesDir === undefined;
  const filesDir = options.filesDir ?? mkdtempSync(join(tmpdir(), 'google-sandbox-'));
  mkdirSync(filesDir, { recursive: true });
  const oauth = new OAuthStore(clock, config);
  for (const client of [...seed.clients, ...(options.clients ?? [])]) oauth.registerClient(client);
  if (oauth.clients.size === 0)
    oauth.registerClient({
      clientId: '100000000001-sandboxdesktop0000000000000000.apps.googleusercontent.com',
      clientSecret: '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',
    });
  const ctx: SandboxContext = {
    config,
    clock,
    oauth,
    world: new World(seed, clock.now()),
    quota: new QuotaLedger(clock, config),
    faults: new Faults(),
    filesDir,
    baseUrl: '',
  };
  const requestLog: RequestLogEntry[] = [];
  const first = [...oauth.clients.values()][0]!;
  const defaultClient = {
    clientId: first.clientId,
    clientSecret: first.clientSecret,
    projectId: first.projectId,
  };

  const sandbox: GoogleSandbox = {
    baseUrl: '',
    port: 0,
    filesDir,
    defaultClient,
    clients: () => [...oauth.clients.values()].map((c) => structuredClone(c)),
    registerClient: (client) => oauth.registerClient(client),
    config,
    configure(patch) {
      applyConfigPatch(config, patch);
      return structuredClone(config);
    },
    clock: {
      now: () => clock.now(),
      advance: (ms) => clock.advance(ms),
      set: (ms) => clock.set(ms),
      nextPacificMidnight: () => clock.nextPacificMidnight(),
    },
    faults: {
      set: (spec) => ctx.faults.set(spec),
      clear: () => ctx.faults.clear(),
      snapshot: () => ctx.faults.snapshot(),
      revokeChannelTokens: (channelId) => {
        if (!ctx.world.channel(channelId)) throw new Error(`unknown channel ${channelId}`);
        return oauth.revokeChannel(channelId);
      },
      expireUploadSession(uploadId) {
        const sessions = [...ctx.world.sessions.values()].filter(
          (s) => !uploadId || s.id === uploadId,
        );
        if (uploadId && sessions.length === 0)
          throw new Error(`unknown upload session ${uploadId}`);
        for (const s of sessions) s.expiresAt = clock.now() - 1;
        return sessions.length;
      },
      expireAccessTokens: (channelId) => oauth.expireAccessTokens(channelId),
    },
    inspect: {
      state: () => inspectAll(ctx),
      channel(channelId) {
        const channel = ctx.world.channel(channelId);
        if (!channel) throw new Error(`unknown channel ${channelId}`);
        return inspectChannel(ctx, channel);
      },
      video(videoId) {
        const video = ctx.world.videos.get(videoId);
        return video ? inspectVideo(ctx, video) : null;
      },
      sessions: () => [...ctx.world.sessions.values()].map((s) => inspectSession(ctx, s)),
      requests: () => requestLog.map((r) => ({ ...r })),
    },
    quota: {
      snapshot: (projectId) => ctx.quota.snapshot(projectId ?? defaultClient.projectId),
      setUsed: (projectId, units, insertCalls) =>
        ctx.quota.setUsed(projectId ?? defaultClient.projectId, units, insertCalls),
    },
    issueTokens({ channelId, clientId, scopes }) {
      if (!ctx.world.channel(channelId)) throw new Error(`unknown channel ${channelId}`);
      const client = oauth.clients.get(clientId ?? defaultClient.clientId);
      if (!client) throw new Error(`unknown client ${clientId}`);
      const grant = oauth.createGrant({
        clientId: client.clientId,
        channelId,
        // What Dropline asks for at sign-in (youtube.force-ssl for captions).
        scopes: scopes ?? [YOUTUBE, `${YOUTUBE}.upload`, `${YOUTUBE}.force-ssl`],
        offline: true,
        forceConsent: true,
      });
      const access = oauth.issueAccessToken(grant);
      return {
        accessToken: access.token,
        refreshToken: grant.refreshToken!,
        expiresIn: config.accessTokenLifetimeSec,
        scope: grant.scopes.join(' '),
      };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownFilesDir) rmSync(filesDir, { recursive: true, force: true });
    },
  };

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', ctx.baseUrl);
    const ex: Exchange = { req, res, url };
    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return handleControl(sandbox, ex);
    const at = new Date(clock.now()).toISOString();
    res.on('close', () => {
      // A connection cut before an answer is logged with status 0.
      requestLog.push({
        at,
        method: req.method ?? '',
        path: redactPath(url),
        status: res.headersSent ? res.statusCode : 0,
        channelId: ex.channelId ?? null,
      });
      if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.shift();
    });
    if (ctx.faults.latencyMs) await sleep(ctx.faults.latencyMs);
    const failure = ctx.faults.takeFailure(url.pathname);
    if (failure) {
      discardBody(req);
      const reason = failure.reason ?? (failure.status >= 500 ? 'backendError' : 'badRequest');
      const domain =
        reason === 'quotaExceeded'
          ? 'youtube.quota'
          : /rateLimitExceeded$/i.test(reason)
            ? 'usageLimits'
            : 'global';
      return sendApiError(
        res,
        failure.status,
        reason,
        failure.status >= 500 ? messages.backendError : `Injected ${reason}`,
        domain,
      );
    }
    await routeRequest(ctx, ex);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendApiError(res, 500, 'backendError', `Sandbox failure: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('sandbox: no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  ctx.baseUrl = sandbox.baseUrl = `http://${host}:${address.port}`;
  sandbox.port = address.port;
  return sandbox;
}
