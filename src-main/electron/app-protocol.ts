import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../transport/csp.ts';
import { APP_HOST, APP_SCHEME } from './ipc-channels.ts';
import type { ElectronLike, SessionLike } from './electron-like.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Must run before `app.ready`: our scheme behaves like https (secure, fetch, CSP). */
export function registerAppScheme(electron: ElectronLike): void {
  electron.protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer from `app://dropline/`, never `file://`, with a strict CSP. */
export function handleAppProtocol(
  session: SessionLike,
  rendererDir: string,
  imgOrigins: string[] = [],
): void {
  const csp = contentSecurityPolicy({ connectSrc: [], imgSrc: imgOrigins });
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const path = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    const inside = path.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep);
    const file = inside && extname(path) ? path : join(rendererDir, 'index.html');
    try {
      const body = await readFile(file);
      // A HEAD answer has the headers of a GET and no body.
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': csp,
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
