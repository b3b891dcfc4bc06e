import type { IncomingHttpHeaders } from 'node:http';

/**
 * An HTTP answer read whole (bodies are bounded where they are read): the
 * one shape the OAuth code and the YouTube code both see, so a fake for one
 * fits the other.
 */
export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The body as text (UTF-8). */
export function bodyText(res: HttpResponse): string {
  return res.body.toString('utf8');
}
