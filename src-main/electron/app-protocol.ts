import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { contentSecurityPolicy } from '../transport/csp.ts';
import { contentTypeOf, pathInside } from '../transport/renderer-files.ts';
import { APP_HOST, APP_SCHEME } from './ipc-channels.ts';
import type { ElectronLike, SessionLike } from './electron-like.ts';

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
    const path = pathInside(rendererDir, url.pathname);
    const file = path && extname(path) ? path : join(rendererDir, 'index.html');
    try {
      const body = await readFile(file);
      // A HEAD answer has the headers of a GET and no body.
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': csp,
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
