import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { contentTypeOf, pathInside } from './renderer-files.ts';

/** Serves the built renderer; unknown paths get index.html (client-side screens). */
export function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The Dropline UI is not built yet. Run `npm run build`, then reload this page.\n');
    return;
  }
  const candidate = pathInside(root, urlPath);
  const file =
    candidate && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
  const type = contentTypeOf(file);
  const cache = file.includes(`${sep}assets${sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': cache });
  createReadStream(file).pipe(res);
}
