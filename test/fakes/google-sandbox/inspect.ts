import type { SandboxContext } from './context.ts';
import type { QuotaSnapshot } from './quota.ts';
import type { ChannelState, StoredVideo, UploadSession } from './world.ts';

/** What tests read back: plain JSON, the same in-process and over /__sandbox. No token values. */
export interface VideoInspection {
  id: string;
  channelId: string;
  clientId: string;
  uploadId: string;
  snippet: StoredVideo['snippet'];
  status: StoredVideo['status'];
  lockedPrivate: boolean;
  byteLength: number;
  sha256: string;
  contentType: string;
  filePath: string;
  publishedAt: string;
  thumbnail: { byteLength: number; sha256: string; contentType: string } | null;
  playlistIds: string[];
  localizations: StoredVideo['localizations'];
  captions: StoredVideo['captions'];
}

export interface GrantInspection {
  clientId: string;
  scopes: string[];
  createdAt: string;
  hasRefreshToken: boolean;
  refreshExpiresAt: string | null;
  revoked: string | null;
  live: boolean;
}

export interface ChannelInspection {
  id: string;
  title: string;
  handle: string;
  accountEmail: string;
  brand: boolean;
  canSetCustomThumbnails: boolean;
  longUploadsVerified: boolean;
  dailyUploadCap: number;
  videos: VideoInspection[];
  playlists: { id: string; title: string; privacyStatus: string; videoIds: string[] }[];
  grants: GrantInspection[];
}

export interface SessionInspection {
  uploadId: string;
  channelId: string;
  declaredLength: number | null;
  received: number;
  /** Body bytes read on the session's requests, resent ones included. */
  bodyBytes: number;
  contentType: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  completedVideoId: string | null;
  /** A request of this session is still being read or answered: `received` may still change. */
  busy: boolean;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  /** Path and query, with secrets (codes, tokens, secrets, verifiers) masked. */
  path: string;
  status: number;
  channelId: string | null;
}

export interface SandboxState {
  now: string;
  channels: ChannelInspection[];
  sessions: SessionInspection[];
  quota: QuotaSnapshot[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export function inspectVideo(ctx: SandboxContext, v: StoredVideo): VideoInspection {
  return {
    id: v.id,
    channelId: v.channelId,
    clientId: v.clientId,
    uploadId: v.uploadId,
    snippet: structuredClone(v.snippet),
    status: structuredClone(v.status),
    lockedPrivate: v.lockedPrivate,
    byteLength: v.byteLength,
    sha256: v.sha256,
    contentType: v.contentType,
    filePath: v.filePath,
    publishedAt: v.publishedAt,
    thumbnail: v.thumbnail && {
      byteLength: v.thumbnail.byteLength,
      sha256: v.thumbnail.sha256,
      contentType: v.thumbnail.contentType,
    },
    playlistIds: [...ctx.world.playlists.values()]
      .filter((p) => p.items.some((i) => i.videoId === v.id))
      .map((p) => p.id),
    localizations: structuredClone(v.localizations),
    captions: structuredClone(v.captions),
  };
}

export function inspectChannel(ctx: SandboxContext, channel: ChannelState): ChannelInspection {
  const c = channel.seed;
  return {
    id: c.id,
    title: c.title,
    handle: c.handle,
    accountEmail: channel.account.email,
    brand: c.brand,
    canSetCustomThumbnails: c.canSetCustomThumbnails,
    longUploadsVerified: c.longUploadsVerified,
    dailyUploadCap: c.dailyUploadCap,
    videos: ctx.world.videosOf(c.id).map((v) => inspectVideo(ctx, v)),
    playlists: ctx.world.playlistsOf(c.id).map((p) => ({
      id: p.id,
      title: p.title,
      privacyStatus: p.privacyStatus,
      videoIds: p.items.map((i) => i.videoId),
    })),
    grants: [...ctx.oauth.grants.values()]
      .filter((g) => g.channelId === c.id)
      .map((g) => ({
        clientId: g.clientId,
        scopes: g.scopes,
        createdAt: iso(g.createdAt),
        hasRefreshToken: g.refreshToken !== null,
        refreshExpiresAt: g.refreshExpiresAt === null ? null : iso(g.refreshExpiresAt),
        revoked: g.revoked,
        live: ctx.oauth.isGrantLive(g),
      })),
  };
}

export function inspectSession(ctx: SandboxContext, s: UploadSession): SessionInspection {
  return {
    uploadId: s.id,
    channelId: s.channelId,
    declaredLength: s.declaredLength,
    received: s.received,
    bodyBytes: s.bodyBytes,
    contentType: s.contentType,
    createdAt: iso(s.createdAt),
    expiresAt: iso(s.expiresAt),
    expired: s.expiresAt <= ctx.clock.now(),
    completedVideoId: s.completedVideoId,
    busy: s.inFlight !== null,
  };
}

export function inspectAll(ctx: SandboxContext): SandboxState {
  const projects = new Set([...ctx.oauth.clients.values()].map((c) => c.projectId));
  return {
    now: iso(ctx.clock.now()),
    channels: [...ctx.world.channels.values()].map((c) => inspectChannel(ctx, c)),
    sessions: [...ctx.world.sessions.values()].map((s) => inspectSession(ctx, s)),
    quota: [...projects].map((p) => ctx.quota.snapshot(p)),
  };
}

const SECRET_PARAMS = [
  'code',
  'token',
  'access_token',
  'refresh_token',
  'client_secret',
  'code_verifier',
  'code_challenge',
  'state',
];

export function redactPath(url: URL): string {
  const copy = new URL(url);
  for (const name of SECRET_PARAMS)
    if (copy.searchParams.has(name)) copy.searchParams.set(name, '***');
  return copy.pathname + copy.search;
}
