import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request/response pair with its parsed URL, as every handler receives it. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Set by handlers that know whose request this was, for the request log. */
  channelId?: string;
}

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new BodyTooLargeError(`request body larger than ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Form fields from an x-www-form-urlencoded body (JSON bodies are accepted too, as Google does). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = (await readBody(req, 64 * 1024)).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json') && body.trim()) {
    const params = new URLSearchParams();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(body);
    } catch {
      // Unparseable JSON reads as an empty form: the endpoint then names the missing field.
    }
    if (parsed && typeof parsed === 'object')
      for (const [key, value] of Object.entries(parsed)) params.set(key, String(value));
    return params;
  }
  return new URLSearchParams(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'content-length': 0 });
  res.end();
}

/** Lets an unread request body drain so the answer reaches the client. */
export function discardBody(req: IncomingMessage): void {
  if (!req.readableEnded) req.resume();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
