import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { GoogleSandbox } from '../../fakes/google-sandbox/index.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/** One HTTP exchange on a fresh connection, so a dropped socket cannot leak into the next. */
export function raw(opts: {
  method: string;
  url: string;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      opts.url,
      { method: opts.method, headers: opts.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export const YT = 'https://www.googleapis.com/auth/youtube';
export const YT_UPLOAD = 'https://www.googleapis.com/auth/youtube.upload';
export const ALICE = 'UCalice0000000000000000a';
export const ALICE_BRAND = 'UCalicebrand00000000000b';
export const BOB = 'UCbob000000000000000000c';
export const REDIRECT = 'http://127.0.0.1:53682/oauth2callback';

/** Follows the auth URL with auto-approve and returns the redirect's query. */
export async function authorize(
  sandbox: GoogleSandbox,
  params: Record<string, string>,
): Promise<URLSearchParams> {
  const url = new URL('/o/oauth2/v2/auth', sandbox.baseUrl);
  const defaults = {
    client_id: sandbox.defaultClient.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: `${YT} ${YT_UPLOAD}`,
    access_type: 'offline',
    prompt: 'consent',
    sandbox_auto_approve: '1',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...params })) url.searchParams.set(k, v);
  const res = await raw({ method: 'GET', url: url.toString() });
  if (res.status !== 302) throw new Error(`auth answered ${res.status}: ${res.text.slice(0, 300)}`);
  return new URL(String(res.headers.location)).searchParams;
}

export function tokenRequest(
  sandbox: GoogleSandbox,
  form: Record<string, string>,
): Promise<RawResponse> {
  return raw({
    method: 'POST',
    url: `${sandbox.baseUrl}/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export function api(
  sandbox: GoogleSandbox,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
  if (token) headers.authorization = `Bearer ${token}`;
  return raw({
    method,
    url: `${sandbox.baseUrl}${path}`,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function errorReason(res: RawResponse): string | undefined {
  return res.json<{ error: { errors: { reason: string }[] } }>().error.errors[0]?.reason;
}

/** POST {upload}/videos?uploadType=resumable: the session URI, or the error answer. */
export function startUpload(
  sandbox: GoogleSandbox,
  token: string,
  opts: { size: number; resource?: unknown; contentType?: string; part?: string },
): Promise<RawResponse> {
  return raw({
    method: 'POST',
    url: `${sandbox.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=${opts.part ?? 'snippet,status'}`,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': opts.size,
      'x-upload-content-type': opts.contentType ?? 'video/mp4',
    },
    body: JSON.stringify(
      opts.resource ?? {
        snippet: { title: 'A test video', categoryId: '22' },
        status: { privacyStatus: 'private' },
      },
    ),
  });
}

export function putChunk(
  sessionUrl: string,
  bytes: Buffer,
  first: number,
  total: number | '*',
): Promise<RawResponse> {
  return raw({
    method: 'PUT',
    url: sessionUrl,
    headers: {
      'content-length': bytes.length,
      'content-range': `bytes ${first}-${first + bytes.length - 1}/${total}`,
    },
    body: bytes,
  });
}

export function statusQuery(sessionUrl: string, total: number): Promise<RawResponse> {
  return raw({
    method: 'PUT',
    url: sessionUrl,
    headers: { 'content-length': 0, 'content-range': `bytes */${total}` },
  });
}

/** A file of random bytes in dir, with its SHA-256. */
export function randomFile(
  dir: string,
  size: number,
): { path: string; bytes: Buffer; sha256: string } {
  const bytes = randomBytes(size);
  const path = join(dir, `video-${size}.bin`);
  writeFileSync(path, bytes);
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Uploads bytes in one request and returns the video id. */
export async function uploadWhole(
  sandbox: GoogleSandbox,
  token: string,
  bytes: Buffer,
  resource?: unknown,
): Promise<string> {
  const start = await startUpload(sandbox, token, { size: bytes.length, resource });
  if (start.status !== 200) throw new Error(`start answered ${start.status}: ${start.text}`);
  const done = await putChunk(String(start.headers.location), bytes, 0, bytes.length);
  if (done.status !== 200) throw new Error(`upload answered ${done.status}: ${done.text}`);
  return done.json<{ id: string }>().id;
}

/** The smallest valid PNG (1x1). */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
