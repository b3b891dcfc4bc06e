import { dataApiUrl, uploadUrl, type GoogleEndpoints } from '../auth/google-endpoints.ts';
import { googleError } from './google-error.ts';
import type { Http } from './google-http.ts';

/** The calls made after a video exists: thumbnails.set and playlistItems.insert. */
export class VideoExtrasClient {
  readonly #http: Http;
  readonly #endpoints: GoogleEndpoints;

  constructor(http: Http, endpoints: GoogleEndpoints) {
    this.#http = http;
    this.#endpoints = endpoints;
  }

  async setThumbnail(opts: {
    token: string;
    videoId: string;
    image: Buffer;
    contentType: string;
    signal?: AbortSignal;
  }): Promise<void> {
    const res = await this.#http.request({
      method: 'POST',
      url: uploadUrl(this.#endpoints, `thumbnails/set?videoId=${encodeURIComponent(opts.videoId)}`),
      headers: {
        Authorization: `Bearer ${opts.token}`,
        'Content-Type': opts.contentType,
        'Content-Length': String(opts.image.length),
      },
      body: opts.image,
      signal: opts.signal,
    });
    if (res.status !== 200) throw googleError(res);
  }

  async addToPlaylist(opts: {
    token: string;
    videoId: string;
    playlistId: string;
    signal?: AbortSignal;
  }): Promise<void> {
    const body = Buffer.from(
      JSON.stringify({
        snippet: {
          playlistId: opts.playlistId,
          resourceId: { kind: 'youtube#video', videoId: opts.videoId },
        },
      }),
    );
    const res = await this.#http.request({
      method: 'POST',
      url: dataApiUrl(this.#endpoints, 'playlistItems?part=snippet'),
      headers: {
        Authorization: `Bearer ${opts.token}`,
        'Content-Type': 'application/json; charset=UTF-8',
        'Content-Length': String(body.length),
      },
      body,
      signal: opts.signal,
    });
    if (res.status !== 200) throw googleError(res);
  }
}
