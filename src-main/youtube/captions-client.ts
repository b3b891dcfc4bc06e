import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { uploadUrl, type GoogleEndpoints } from '../auth/google-endpoints.ts';
import { googleError, GoogleApiError } from './google-error.ts';
import { parseJson, type Http } from './google-http.ts';

const CaptionResource = z.object({ id: z.string().min(1) });

/**
 * captions.insert as one multipart/related request (the caption resource,
 * then the file): caption files are small, and the Node client uses the
 * same form. Needs the youtube.force-ssl scope; 400 quota units.
 */
export class CaptionsClient {
  readonly #http: Http;
  readonly #endpoints: GoogleEndpoints;

  constructor(http: Http, endpoints: GoogleEndpoints) {
    this.#http = http;
    this.#endpoints = endpoints;
  }

  async insert(opts: {
    token: string;
    videoId: string;
    language: string;
    name: string;
    body: Buffer;
    signal?: AbortSignal;
  }): Promise<string> {
    const boundary = `dropline-${randomBytes(12).toString('hex')}`;
    const snippet = JSON.stringify({
      snippet: { videoId: opts.videoId, language: opts.language, name: opts.name, isDraft: false },
    });
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${snippet}\r\n` +
          `--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      opts.body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await this.#http.request({
      method: 'POST',
      url: uploadUrl(this.#endpoints, 'captions?uploadType=multipart&part=snippet'),
      headers: {
        Authorization: `Bearer ${opts.token}`,
        'Content-Type': `multipart/related; boundary=${boundary}`,
        'Content-Length': String(body.length),
      },
      body,
      signal: opts.signal,
    });
    if (res.status !== 200) throw googleError(res);
    const parsed = CaptionResource.safeParse(parseJson(res.body));
    if (!parsed.success)
      throw new GoogleApiError(res.status, {
        kind: 'server',
        reason: 'noCaptionId',
        message: 'YouTube took the caption but answered without its id.',
      });
    return parsed.data.id;
  }
}
