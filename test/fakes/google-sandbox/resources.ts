import { createHash } from 'node:crypto';
import type { Playlist, PlaylistItem, StoredVideo, ChannelState } from './world.ts';

/** Resource JSON as the Data API returns it, limited to the requested parts. */

export function etag(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 27);
}

function withEtag<T extends object>(kind: string, body: T): T & { kind: string; etag: string } {
  return { kind, etag: etag(body), ...body };
}

export function listResponse(kind: string, items: object[]) {
  return withEtag(kind, {
    pageInfo: { totalResults: items.length, resultsPerPage: Math.max(items.length, 5) },
    items,
  });
}

function thumbnailSet(baseUrl: string, path: string) {
  return {
    default: { url: `${baseUrl}${path}/default.jpg`, width: 120, height: 90 },
    medium: { url: `${baseUrl}${path}/mqdefault.jpg`, width: 320, height: 180 },
    high: { url: `${baseUrl}${path}/hqdefault.jpg`, width: 480, height: 360 },
  };
}

export function videoResource(
  video: StoredVideo,
  parts: string[],
  baseUrl: string,
  channelTitle: string,
) {
  const body: Record<string, unknown> = { id: video.id };
  if (parts.includes('snippet'))
    body.snippet = {
      publishedAt: video.publishedAt,
      channelId: video.channelId,
      title: video.snippet.title,
      description: video.snippet.description,
      thumbnails: thumbnailSet(baseUrl, `/vi/${video.id}`),
      channelTitle,
      tags: video.snippet.tags.length ? video.snippet.tags : undefined,
      categoryId: video.snippet.categoryId,
      liveBroadcastContent: 'none',
      defaultLanguage: video.snippet.defaultLanguage,
      localized: { title: video.snippet.title, description: video.snippet.description },
    };
  if (parts.includes('status'))
    body.status = {
      uploadStatus: 'uploaded',
      ...video.status,
      madeForKids: video.status.selfDeclaredMadeForKids ?? false,
    };
  if (parts.includes('recordingDetails')) body.recordingDetails = video.recordingDetails ?? {};
  if (parts.includes('localizations')) body.localizations = video.localizations;
  if (parts.includes('contentDetails'))
    body.contentDetails = {
      duration: 'P0D',
      dimension: '2d',
      definition: 'hd',
      caption: video.captions.length > 0 ? 'true' : 'false',
      licensedContent: false,
      projection: 'rectangular',
    };
  if (parts.includes('statistics'))
    body.statistics = { viewCount: '0', likeCount: '0', favoriteCount: '0', commentCount: '0' };
  if (parts.includes('processingDetails'))
    body.processingDetails = { processingStatus: 'succeeded' };
  if (parts.includes('fileDetails')) body.fileDetails = { fileSize: String(video.byteLength) };
  return withEtag('youtube#video', body);
}

export function channelResource(
  channel: ChannelState,
  parts: string[],
  baseUrl: string,
  videoCount: number,
) {
  const c = channel.seed;
  const body: Record<string, unknown> = { id: c.id };
  if (parts.includes('snippet'))
    body.snippet = {
      title: c.title,
      description: c.description,
      customUrl: c.handle,
      publishedAt: '2020-01-01T00:00:00Z',
      thumbnails: thumbnailSet(baseUrl, `/ch/${c.id}`),
      localized: { title: c.title, description: c.description },
    };
  if (parts.includes('contentDetails'))
    body.contentDetails = { relatedPlaylists: { likes: '', uploads: `UU${c.id.slice(2)}` } };
  if (parts.includes('statistics'))
    body.statistics = {
      viewCount: '0',
      subscriberCount: String(c.subscriberCount),
      hiddenSubscriberCount: false,
      videoCount: String(videoCount),
    };
  if (parts.includes('status'))
    body.status = {
      privacyStatus: 'public',
      isLinked: true,
      longUploadsStatus: c.longUploadsVerified ? 'allowed' : 'eligible',
      madeForKids: false,
    };
  return withEtag('youtube#channel', body);
}

export function playlistResource(playlist: Playlist, parts: string[], channelTitle: string) {
  const body: Record<string, unknown> = { id: playlist.id };
  if (parts.includes('snippet'))
    body.snippet = {
      publishedAt: playlist.publishedAt,
      channelId: playlist.channelId,
      title: playlist.title,
      description: playlist.description,
      channelTitle,
      localized: { title: playlist.title, description: playlist.description },
    };
  if (parts.includes('status')) body.status = { privacyStatus: playlist.privacyStatus };
  if (parts.includes('contentDetails')) body.contentDetails = { itemCount: playlist.items.length };
  return withEtag('youtube#playlist', body);
}

export function playlistItemResource(
  playlist: Playlist,
  item: PlaylistItem,
  video: StoredVideo,
  parts: string[],
) {
  const body: Record<string, unknown> = { id: item.id };
  if (parts.includes('snippet'))
    body.snippet = {
      publishedAt: new Date().toISOString(),
      channelId: playlist.channelId,
      title: video.snippet.title,
      description: video.snippet.description,
      playlistId: playlist.id,
      position: item.position,
      resourceId: { kind: 'youtube#video', videoId: video.id },
      videoOwnerChannelId: video.channelId,
    };
  if (parts.includes('contentDetails')) body.contentDetails = { videoId: video.id };
  if (parts.includes('status')) body.status = { privacyStatus: playlist.privacyStatus };
  return withEtag('youtube#playlistItem', body);
}
