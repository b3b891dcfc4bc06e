import { z } from 'zod';
import { AppError } from '../../src-shared/api/errors.ts';
import type { Playlist } from '../../src-shared/api/channel-extras.ts';
import type { Clock } from '../base/clock.ts';
import { dataApiUrl, type GoogleEndpoints } from '../auth/google-endpoints.ts';
import { googleError } from './google-error.ts';
import { parseJson, type Http } from './google-http.ts';

const PlaylistPage = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(
    z.object({
      id: z.string(),
      snippet: z.object({ title: z.string() }),
      status: z.object({ privacyStatus: z.enum(['public', 'unlisted', 'private']) }).optional(),
    }),
  ),
});

const PLAYLIST_TTL_MS = 10 * 60_000;
const AVATAR_TTL_MS = 24 * 60 * 60_000;
const AVATAR_MAX_BYTES = 512 * 1024;
const MAX_PAGES = 10;

export interface ChannelExtrasDeps {
  http: Http;
  endpoints: GoogleEndpoints;
  clock: Clock;
  getToken(channelId: string): Promise<string>;
  /** Quota: playlists.list is 1 unit a page, on the channel's project. */
  charge(channelId: string): void;
  avatarUrlOf(channelId: string): string | null;
}

/**
 * What the upload form and channel cards need from YouTube besides uploads:
 * a channel's own playlists, and its picture. Both are cached, the picture
 * as a data: URL so both the desktop window and a browser tab can show it
 * under the renderer's CSP without reaching Google themselves.
 */
export class ChannelExtras {
  readonly #d: ChannelExtrasDeps;
  readonly #playlists = new Map<string, { at: number; list: Playlist[] }>();
  readonly #avatars = new Map<string, { at: number; url: string; dataUrl: string | null }>();

  constructor(deps: ChannelExtrasDeps) {
    this.#d = deps;
  }

  async playlists(channelId: string, refresh = false): Promise<Playlist[]> {
    const cached = this.#playlists.get(channelId);
    if (!refresh && cached && this.#d.clock.now() - cached.at < PLAYLIST_TTL_MS) return cached.list;
    const token = await this.#d.getToken(channelId);
    const list: Playlist[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const url = dataApiUrl(
        this.#d.endpoints,
        `playlists?part=snippet,status&mine=true&maxResults=50${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`,
      );
      const res = await this.#d.http.request({
        method: 'GET',
        url,
        headers: { Authorization: `Bearer ${token}` },
      });
      this.#d.charge(channelId);
      if (res.status !== 200) {
        const failure = googleError(res);
        throw new AppError(
          'youtube_error',
          `Could not read the channel's playlists: ${failure.message}`,
          true,
        );
      }
      const parsed = PlaylistPage.safeParse(parseJson(res.body));
      if (!parsed.success)
        throw new AppError(
          'youtube_error',
          'YouTube answered the playlist list with something unexpected.',
          true,
        );
      for (const item of parsed.data.items)
        list.push({
          id: item.id,
          title: item.snippet.title,
          privacy: item.status?.privacyStatus ?? 'public',
        });
      pageToken = parsed.data.nextPageToken;
      if (!pageToken) break;
    }
    this.#playlists.set(channelId, { at: this.#d.clock.now(), list });
    return list;
  }

  async avatar(channelId: string): Promise<string | null> {
    const url = this.#d.avatarUrlOf(channelId);
    if (!url) return null;
    const cached = this.#avatars.get(channelId);
    if (cached && cached.url === url && this.#d.clock.now() - cached.at < AVATAR_TTL_MS)
      return cached.dataUrl;
    let dataUrl: string | null = null;
    try {
      const res = await this.#d.http.request({ method: 'GET', url, headers: {} });
      const type =
        String(res.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim() ?? '';
      if (
        res.status === 200 &&
        /^image\/(jpeg|png|webp|gif)$/.test(type) &&
        res.body.length <= AVATAR_MAX_BYTES
      )
        dataUrl = `data:${type};base64,${res.body.toString('base64')}`;
    } catch {
      // Offline: the card shows the channel's initial; the next call tries again.
      return null;
    }
    this.#avatars.set(channelId, { at: this.#d.clock.now(), url, dataUrl });
    return dataUrl;
  }
}
