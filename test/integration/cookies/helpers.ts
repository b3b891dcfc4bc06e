import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, type CoreConfig } from '../../../src-main/core/config.ts';

/** A data dir plus a 0600 key file, with the env a real engine would read. */
export function makeEnv(extra: Record<string, string> = {}): {
  root: string;
  dataDir: string;
  env: Record<string, string | undefined>;
  config(): CoreConfig;
  cleanup(): void;
} {
  const root = mkdtempSync(join(tmpdir(), 'dropline-cookies-'));
  const keyFile = join(root, 'master.key');
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
  const dataDir = join(root, 'data');
  const env = {
    PATH: process.env.PATH,
    HOME: root,
    DROPLINE_DATA_DIR: dataDir,
    DROPLINE_KEY_PROVIDER: 'file',
    DROPLINE_MASTER_KEY_FILE: keyFile,
    // The most talkative level, so a leak at any level shows up in the logs.
    DROPLINE_LOG_LEVEL: 'debug',
    ...extra,
  };
  return {
    root,
    dataDir,
    env,
    config: () => configFromEnv({ env, mode: 'headless', version: 'test' }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function cookieFileText(
  cookies: { name: string; value: string; domain?: string; expires?: number }[],
): string {
  const rows = cookies.map((c) =>
    [
      c.domain ?? '127.0.0.1',
      'FALSE',
      '/',
      'FALSE',
      String(c.expires ?? 2_000_000_000),
      c.name,
      c.value,
    ].join('\t'),
  );
  return `# Netscape HTTP Cookie File\n${rows.join('\n')}\n`;
}

export const secretValue = (tag: string): string => `${tag}-${randomBytes(12).toString('hex')}`;

/**
 * A video host that wants a `session` cookie: any value in `valid` passes,
 * anything else gets 403. Each accepted request rotates the session with
 * Set-Cookie (as YouTube does) and the new value becomes valid too.
 * `/slow/...` sends half the body and then holds the connection open; `/missing/...` is a 404
 * for a signed-in request; `/reset/...` drops the connection before answering (a network error).
 */
export interface VideoServer {
  url: string;
  valid: Set<string>;
  rotated: string[];
  body: Buffer;
  requests: { path: string; cookie: string | undefined }[];
  /** Resolves when a request for a /slow/ path has started receiving its body. */
  slowStarted: Promise<void>;
  close(): Promise<void>;
}

export async function startVideoServer(): Promise<VideoServer> {
  const body = randomBytes(64 * 1024);
  const held = new Set<ServerResponse>();
  let markSlow: () => void = () => undefined;
  const slowStarted = new Promise<void>((resolve) => (markSlow = resolve));
  const state = {
    valid: new Set<string>(),
    rotated: [] as string[],
    requests: [] as VideoServer['requests'],
  };
  const server: Server = createServer((req, res) => {
    const cookie = req.headers.cookie;
    state.requests.push({ path: req.url ?? '', cookie });
    if (req.url?.startsWith('/reset/')) {
      req.socket.destroy();
      return;
    }
    const session = /(?:^|;\s*)session=([^;]+)/.exec(cookie ?? '')?.[1];
    if (!session || !state.valid.has(session)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('Forbidden: sign in first');
      return;
    }
    if (req.url?.startsWith('/missing/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    const next = `rotated-${randomBytes(12).toString('hex')}`;
    state.valid.add(next);
    state.rotated.push(next);
    res.writeHead(200, {
      'Content-Type': 'video/mp4',
      'Content-Length': String(body.length),
      'Set-Cookie': `session=${next}; Path=/; Max-Age=86400`,
    });
    if (req.url?.startsWith('/slow/') && req.method === 'GET') {
      res.write(body.subarray(0, body.length / 2));
      held.add(res);
      markSlow();
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    body,
    slowStarted,
    get valid() {
      return state.valid;
    },
    get rotated() {
      return state.rotated;
    },
    get requests() {
      return state.requests;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
