import { z } from 'zod';
import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';
import { uploadUrl, type GoogleEndpoints } from '../auth/google-endpoints.ts';
import { googleError, GoogleApiError } from './google-error.ts';
import type { HttpResponse } from '../base/http-response.ts';
import { parseJson, type BodyWriter, type Http } from './google-http.ts';

/** What the session holds, per Google's answer. */
export type SessionStatus =
  { kind: 'incomplete'; nextByte: number } | { kind: 'complete'; videoId: string };

const VideoResource = z.object({ id: z.string().min(1) });

/** The parts a video resource fills: `localizations` only when there are some. */
export function videoParts(m: VideoMetadata): string[] {
  return Object.keys(m.localizations).length > 0
    ? ['snippet', 'status', 'localizations']
    : ['snippet', 'status'];
}

/** The video resource of videos.insert, every writable field sent (google-facts.md). */
export function videoResource(m: VideoMetadata): unknown {
  const localized = Object.keys(m.localizations).length > 0;
  return {
    snippet: {
      title: m.title,
      description: m.description,
      tags: m.tags,
      categoryId: m.categoryId,
      ...(m.defaultLanguage ? { defaultLanguage: m.defaultLanguage } : {}),
    },
    ...(localized ? { localizations: m.localizations } : {}),
    status: {
      privacyStatus: m.privacy,
      ...(m.publishAt ? { publishAt: m.publishAt } : {}),
      selfDeclaredMadeForKids: m.madeForKids,
      containsSyntheticMedia: m.containsSyntheticMedia,
    },
  };
}

/** `Range: bytes=0-N` means bytes 0..N are stored; no header means none are. */
export function parseRange(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 0;
  const match = /^bytes=0-(\d+)$/.exec(value.trim());
  if (!match) throw new Error(`YouTube sent an unreadable Range header: "${value.slice(0, 60)}"`);
  return Number(match[1]) + 1;
}

function readStatus(res: HttpResponse): SessionStatus {
  if (res.status === 308) return { kind: 'incomplete', nextByte: parseRange(res.headers.range) };
  if (res.status === 200 || res.status === 201) {
    const parsed = VideoResource.safeParse(parseJson(res.body));
    if (!parsed.success)
      throw new Error(
        `YouTube finished the upload but its answer has no video id (HTTP ${res.status})`,
      );
    return { kind: 'complete', videoId: parsed.data.id };
  }
  throw googleError(res);
}

export class ResumableUploadClient {
  readonly #http: Http;
  readonly #endpoints: GoogleEndpoints;

  constructor(http: Http, endpoints: GoogleEndpoints) {
    this.#http = http;
    this.#endpoints = endpoints;
  }

  /** Opens a session; nothing is stored at Google until bytes arrive, so this is safe to repeat. */
  async start(opts: {
    token: string;
    metadata: VideoMetadata;
    size: number;
    contentType: string;
    signal?: AbortSignal;
  }): Promise<string> {
    const url = uploadUrl(
      this.#endpoints,
      `videos?uploadType=resumable&part=${videoParts(opts.metadata).join(',')}`,
    );
    const body = Buffer.from(JSON.stringify(videoResource(opts.metadata)));
    const res = await this.#http.request({
      method: 'POST',
      url,
      headers: {
        Authorization: `Bearer ${opts.token}`,
        'Content-Type': 'application/json; charset=UTF-8',
        'Content-Length': String(body.length),
        'X-Upload-Content-Length': String(opts.size),
        'X-Upload-Content-Type': opts.contentType,
      },
      body,
      signal: opts.signal,
    });
    if (res.status !== 200 && res.status !== 201) throw googleError(res);
    const location = res.headers.location;
    if (!location)
      throw new GoogleApiError(res.status, {
        kind: 'server',
        reason: 'noLocation',
        message: 'YouTube opened no upload session (no Location header).',
      });
    return new URL(location, url).toString();
  }

  /** Asks the session what it holds: the first call after any error or restart. */
  async status(opts: { token: string; sessionUri: string; total: number; signal?: AbortSignal }) {
    const res = await this.#http.request({
      method: 'PUT',
      url: opts.sessionUri,
      headers: {
        Authorization: `Bearer ${opts.token}`,
        'Content-Length': '0',
        'Content-Range': `bytes */${opts.total}`,
      },
      signal: opts.signal,
    });
    return readStatus(res);
  }

  /** Sends bytes first..last (inclusive) of total. */
  async sendChunk(opts: {
    token: string;
    sessionUri: string;
    first: number;
    last: number;
    total: number;
    body: BodyWriter;
    contentType: string;
    signal?: AbortSignal;
  }): Promise<SessionStatus> {
    const res = await this.#http.request({
      method: 'PUT',
      url: opts.sessionUri,
      headers: {
        Authorization: `Bearer ${opts.token}`,
        'Content-Length': String(opts.last - opts.first + 1),
        'Content-Range': `bytes ${opts.first}-${opts.last}/${opts.total}`,
        'Content-Type': opts.contentType,
      },
      body: opts.body,
      signal: opts.signal,
    });
    return readStatus(res);
  }
}
