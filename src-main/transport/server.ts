import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../src-shared/api/wire.ts';
import type { Core } from '../core/create-core.ts';
import { systemClock } from '../base/clock.ts';
import { contentSecurityPolicy } from './csp.ts';
import { RequestGuard } from './request-guard.ts';
import { serveStatic } from './static-files.ts';
import { UiSessions, readCookie } from './ui-sessions.ts';
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
}

const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

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
      imgSrc: core.config.googleBaseUrl ? [core.config.googleBaseUrl] : [],
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
    if (req.method !== 'POST') return refuse(res, 405, 'Method not allowed.');
    if (!guard.originAllowed(req) || !guard.tokenMatches(guard.bearerFrom(req))) {
      return refuse(
        res,
        401,
        'Open the link printed by `dropline serve`: it carries the access key.',
      );
    }
    const session = sessions.create();
    res.writeHead(204, {
      ...headers,
      'Set-Cookie': `${cookieName}=${session.value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${session.maxAgeSeconds}`,
    });
    res.end();
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!guard.hostAllowed(req)) return refuse(res, 421, 'Unknown host.');
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (path === '/api/session') return handleSession(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'Method not allowed.');
    serveStatic(opts.rendererDir, path, res, headers);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const reject = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!guard.hostAllowed(req)) return reject(421, 'Misdirected Request');
    if (!guard.originAllowed(req)) return reject(403, 'Forbidden');
    if (new URL(req.url ?? '/', 'http://placeholder').pathname !== '/api')
      return reject(404, 'Not Found');
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const fromProtocol = offered
      .find((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX))
      ?.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
    const authorized =
      guard.tokenMatches(guard.bearerFrom(req)) ||
      guard.tokenMatches(fromProtocol) ||
      hasSession(req);
    if (!authorized) return reject(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attachConnection(ws, core.router, core.events));
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

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}
