import { extname, join, normalize, sep } from 'node:path';

// The built renderer is served two ways, `app://dropline/` on the desktop and the headless
// server in a browser; both resolve a request path into the renderer folder here, so a
// traversal guard fixed once is fixed for both.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeOf(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

/**
 * The path a request's URL path names inside `root`, or null when it cannot be decoded or
 * leads outside `root` (`..%2f`, `%2e%2e`, an absolute path). `root` itself counts as inside.
 */
export function pathInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  const prefix = root.endsWith(sep) ? root : root + sep;
  return candidate === root || candidate.startsWith(prefix) ? candidate : null;
}
