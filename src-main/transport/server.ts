import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import {
  MAX_MESSAGE_BYTES,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
} from '../../src-shared/api/wire.ts';
import type { Core } from '../core/create-core.ts';
import { systemClock } from '../base/clock.ts';
import { databaseProblem } from '../db/db-errors.ts';
import { contentSecurityPolicy } from './csp.ts';
import { refuse, refuseRaw, securityHeaders } from './http-answers.ts';
import { RequestGuard } from './request-guard.ts';
import { requestPath } from './request-target.ts';
import { serveStatic } from './static-files.ts';
import { UiSessions, readCookie } from './ui-sessions.ts';
import type { OutboxLimits } from './event-outbox.ts';
import { attachConnection } from './ws-connection.ts';

export interface HeadlessServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface HeadlessOptions {
  port?: number;
  rendererDir: string;
  token?: string;
  /** How far behind a client may read before its events are held back (tests lower it). */
  outbox?: OutboxLimits;
}

/** HTTP (static UI + session cookie) and the API WebSocket, on 127.0.0.1 only. */
export async function startHeadlessServer(
  core: Core,
  opts: HeadlessOptions,
): Promise<HeadlessServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const guard = new RequestGuard(port, token);
  const sessions = new UiSessions(core.db, systemClock);
  // Cookies ignore ports: the port in the name keeps two engines' sessions apart.
  const cookieName = `dropline_session_${port}`;
  const headers = securityHeaders(
    contentSecurityPolicy({
      connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
      imgSrc: [core.config.googleBaseUrl, core.config.tiktokBaseUrl].filter((u): u is string =>
        Boolean(u),
      ),
    }),
  );
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  const hasSession = (req: IncomingMessage): boolean =>
    sessions.verify(readCookie(req.headers.cookie, cookieName));

  function handleSession(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET') {
      // Lets the UI tell "not signed in" apart from "engine down" before opening the socket.
      res.writeHead(hasSession(req) ? 204 : 401, { ...headers, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (req.method !== 'POST') return refuse(res, headers, 405, 'Method not allowed.');
    // The engine's own token (service.json, the CLI), or a link's one-time key.
    const bearer = guard.bearerFrom(req);
    if (
      !guard.originAllowed(req) ||
      !(guard.tokenMatches(bearer) || core.services.uiLinks.redeem(bearer))
    ) {
      return refuse(
        res,
        headers,
        401,
        'This link was already used or has expired: run `dropline ui` for a new one (a link works once, for one browser).',
      );
    }
    const session = sessions.create();
    res.writeHead(204, {
      ...headers,
      'Set-Cookie': `${cookieName}=${session.value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${session.maxAgeSeconds}`,
    });
    res.end();
  }

  function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    if (!guard.hostAllowed(req)) return refuse(res, headers, 421, 'Unknown host.');
    const path = requestPath(req.url);
    if (path === null) return refuse(res, headers, 400, 'Bad request target.');
    if (path === '/api/session') return handleSession(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, headers, 405, 'Method not allowed.');
    serveStatic(opts.rendererDir, path, res, headers);
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!guard.hostAllowed(req)) return refuseRaw(socket, headers, 421);
    if (!guard.originAllowed(req)) return refuseRaw(socket, headers, 403);
    if (requestPath(req.url) !== '/api') return refuseRaw(socket, headers, 404);
    // ws would refuse these itself, without our headers: refuse them here first.
    if (!isWellFormedUpgrade(req)) return refuseRaw(socket, headers, 400);
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const fromProtocol = offered
      .find((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX))
      ?.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
    const authorized =
      guard.tokenMatches(guard.bearerFrom(req)) ||
      guard.tokenMatches(fromProtocol) ||
      hasSession(req);
    if (!authorized) return refuseRaw(socket, headers, 401);
    wss.handleUpgrade(req, socket, head, (ws) =>
      attachConnection(ws, core.router, core.events, core.log, opts.outbox),
    );
  }

  // No request, header or upgrade may end the engine: every failure answers and is logged.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      handleRequest(req, res);
    } catch (error) {
      const answer = describeRequestFailure(error, core.db.name);
      core.log.error('request failed', { method: req.method, error });
      refuse(res, headers, answer.status, answer.message);
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node drops its own error listener before 'upgrade': a reset socket would throw.
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(req, socket, head);
    } catch (error) {
      core.log.error('upgrade failed', { error });
      refuseRaw(socket, headers, describeRequestFailure(error, core.db.name).status);
    }
  });

  // Malformed request lines, oversized or broken headers: Node's parser refuses them here.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    core.log.debug('malformed request refused', { code: error.code });
    refuseRaw(socket, headers, error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400);
  });

  return {
    url,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.close(1001, 'Dropline is shutting down');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      wss.close();
    },
  };
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function isWellFormedUpgrade(req: IncomingMessage): boolean {
  const key = req.headers['sec-websocket-key'];
  const protocols = req.headers['sec-websocket-protocol'];
  return (
    req.method === 'GET' &&
    req.headers.upgrade?.toLowerCase() === 'websocket' &&
    req.headers['sec-websocket-version'] === '13' &&
    typeof key === 'string' &&
    /^[+/0-9A-Za-z]{22}==$/.test(key) &&
    (protocols === undefined || protocols.split(',').every((p) => TOKEN.test(p.trim())))
  );
}

/** A failed request's answer: a database the engine cannot use is 503, anything else 500. */
function describeRequestFailure(
  error: unknown,
  dbFile: string,
): { status: number; message: string } {
  const dbProblem = databaseProblem(error, dbFile);
  if (dbProblem) return { status: 503, message: dbProblem };
  return { status: 500, message: 'Dropline could not answer this request; its log says why.' };
}
