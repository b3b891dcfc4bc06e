import { randomBytes } from 'node:crypto';
import type { Seed, SeedAccount, SeedChannel } from './seed.ts';

export interface StoredThumbnail {
  byteLength: number;
  sha256: string;
  contentType: string;
  filePath: string;
  setAt: number;
}

export interface StoredLocalization {
  title: string;
  description: string;
}

export interface StoredCaption {
  id: string;
  videoId: string;
  language: string;
  name: string;
  isDraft: boolean;
  byteLength: number;
  sha256: string;
  contentType: string;
  lastUpdated: string;
}

export interface VideoSnippet {
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  defaultLanguage?: string;
}

export interface VideoStatus {
  privacyStatus: 'public' | 'unlisted' | 'private';
  publishAt?: string;
  selfDeclaredMadeForKids?: boolean;
  containsSyntheticMedia?: boolean;
  embeddable: boolean;
  license: 'youtube' | 'creativeCommon';
  publicStatsViewable: boolean;
}

export interface StoredVideo {
  id: string;
  channelId: string;
  clientId: string;
  uploadId: string;
  snippet: VideoSnippet;
  status: VideoStatus;
  recordingDetails?: Record<string, unknown>;
  localizations: Record<string, StoredLocalization>;
  captions: StoredCaption[];
  /** Once public or unlisted, publishAt can no longer be set (videos.update reference). */
  everPublished: boolean;
  /** True when an unaudited project forced the video private. */
  lockedPrivate: boolean;
  byteLength: number;
  sha256: string;
  contentType: string;
  filePath: string;
  publishedAt: string;
  thumbnail: StoredThumbnail | null;
}

export interface UploadSession {
  id: string;
  channelId: string;
  clientId: string;
  parts: string[];
  snippet: VideoSnippet;
  status: VideoStatus;
  recordingDetails?: Record<string, unknown>;
  localizations: Record<string, StoredLocalization>;
  declaredLength: number | null;
  contentType: string;
  received: number;
  /** Body bytes read on this session's requests, resent ones included. */
  bodyBytes: number;
  filePath: string;
  createdAt: number;
  expiresAt: number;
  completedVideoId: string | null;
  /** The request currently writing into this session, so a status query waits for it. */
  inFlight: Promise<void> | null;
  /** Ends the live request when a newer one for this session arrives. */
  supersede: AbortController | null;
}

export interface PlaylistItem {
  id: string;
  videoId: string;
  position: number;
}

export interface Playlist {
  id: string;
  channelId: string;
  title: string;
  description: string;
  privacyStatus: 'public' | 'unlisted' | 'private';
  publishedAt: string;
  items: PlaylistItem[];
}

export interface ChannelState {
  seed: SeedChannel;
  account: SeedAccount;
  /** Completion times of uploads, for the rolling 24-hour upload cap. */
  uploadTimes: number[];
}

/** YouTube ids: 11 base64url characters for videos, PL + 32 for playlists. */
export const newId = (length: number) =>
  randomBytes(Math.ceil((length * 3) / 4) + 1)
    .toString('base64url')
    .slice(0, length);

/** Everything YouTube holds: channels, videos, playlists and live upload sessions. */
export class World {
  readonly accounts: SeedAccount[];
  readonly channels = new Map<string, ChannelState>();
  readonly videos = new Map<string, StoredVideo>();
  readonly sessions = new Map<string, UploadSession>();
  readonly playlists = new Map<string, Playlist>();

  constructor(seed: Seed, now: number) {
    this.accounts = seed.accounts;
    const publishedAt = new Date(now).toISOString();
    for (const account of seed.accounts)
      for (const channel of account.channels) {
        this.channels.set(channel.id, { seed: channel, account, uploadTimes: [] });
        for (const p of channel.playlists)
          this.playlists.set(p.id, { ...p, channelId: channel.id, publishedAt, items: [] });
      }
  }

  channel(id: string): ChannelState | undefined {
    return this.channels.get(id);
  }

  videosOf(channelId: string): StoredVideo[] {
    return [...this.videos.values()].filter((v) => v.channelId === channelId);
  }

  playlistsOf(channelId: string): Playlist[] {
    return [...this.playlists.values()].filter((p) => p.channelId === channelId);
  }

  /** Finds a channel by id, or an account's first channel by email (Google's login_hint). */
  resolveHint(hint: string | null): ChannelState | undefined {
    if (!hint) return undefined;
    const byId = this.channels.get(hint);
    if (byId) return byId;
    const account = this.accounts.find((a) => a.email.toLowerCase() === hint.toLowerCase());
    return account ? this.channels.get(account.channels[0]!.id) : undefined;
  }
}
