import http from 'node:http';
import https from 'node:https';
import type { Readable, Writable } from 'node:stream';

import type { HttpResponse } from '../base/http-response.ts';

/**
 * A body that writes itself into the request, so it knows when the socket
 * is done with each buffer and can reuse it. Resolves once every byte is written.
 */
export interface BodyWriter {
  writeTo(out: Writable): Promise<void>;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: Buffer | Readable | BodyWriter;
  signal?: AbortSignal;
}

/** The one HTTP edge of the YouTube code; tests can swap it, the engine uses nodeHttp. */
export interface Http {
  request(req: HttpRequest): Promise<HttpResponse>;
}

/** The connection failed or dropped before a full answer: worth a retry after a status check. */
export class NetworkError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'NetworkError';
  }
}

const maxBody = 4 * 1024 * 1024;
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

/**
 * node:http never follows redirects, which is what the resumable protocol
 * needs: 308 is "Resume Incomplete", a status, not a redirect.
 */
export const nodeHttp: Http = {
  request(req) {
    return new Promise((resolve, reject) => {
      const url = new URL(req.url);
      const lib = url.protocol === 'https:' ? https : http;
      const agent = url.protocol === 'https:' ? agents.https : agents.http;
      let settled = false;
      /** The body writer's own failure (a file that cannot be read): it wins over the hang-up it causes. */
      let localError: unknown = null;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        if (req.signal?.aborted) reject(req.signal.reason ?? new Error('aborted'));
        else if (localError !== null) reject(localError);
        else if (error instanceof NetworkError) reject(error);
        else
          reject(
            new NetworkError(
              `connection to ${url.host} failed: ${(error as Error)?.message ?? error}`,
              error,
            ),
          );
      };
      const r = lib.request(
        url,
        { method: req.method, headers: req.headers, agent, signal: req.signal },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= maxBody) chunks.push(chunk);
          });
          res.on('end', () => {
            // An answer before the whole body (an error, say): stop sending what nobody reads.
            if (!r.writableEnded) r.destroy();
            if (settled) return;
            settled = true;
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            });
          });
          res.on('error', fail);
          res.on('aborted', () => fail(new Error('response aborted')));
        },
      );
      r.on('error', fail);
      const body = req.body;
      if (body === undefined) r.end();
      else if (Buffer.isBuffer(body)) r.end(body);
      else if ('writeTo' in body) {
        body.writeTo(r).then(
          () => {
            if (!r.writableEnded) r.end();
          },
          (error: unknown) => {
            // The file could not be read: not the network's fault, and it keeps its own message.
            if (!(error instanceof NetworkError)) localError = error;
            r.destroy();
            fail(error);
          },
        );
      } else {
        body.on('error', (error) => {
          r.destroy(error);
          fail(error);
        });
        body.pipe(r);
      }
    });
  },
};

export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return null;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}
