// Complete domain objects for tests that render or summarise them (no Node APIs: the
// component tests in Chromium use these too). Override only what a test is about.
import type { Channel } from '../../src-shared/domain/channel.ts';
import type { Job } from '../../src-shared/domain/job.ts';
import { VideoMetadataSchema } from '../../src-shared/domain/metadata.ts';

export function channel(id: string, title: string, over: Partial<Channel> = {}): Channel {
  return {
    id,
    title,
    handle: null,
    avatarUrl: null,
    customThumbnails: null,
    googleAccount: null,
    clientId: null,
    status: 'connected',
    accessTokenExpiresAt: null,
    connectedAt: '2026-01-01T00:00:00.000Z',
    lastRefreshAt: null,
    lastRefreshOutcome: null,
    grantExpiresAt: null,
    lastCheckAt: null,
    lastCheckOutcome: null,
    ...over,
  };
}

export function job(id: string, channelId: string, over: Partial<Job> = {}): Job {
  return {
    id,
    file: `/videos/${id}.mp4`,
    channelId,
    state: 'queued',
    bytesSent: 0,
    bytesTotal: 1000,
    videoId: null,
    error: null,
    title: id,
    metadata: VideoMetadataSchema.parse({ title: id }),
    thumbnail: null,
    waitReason: null,
    waitUntil: null,
    thumbnailStep: 'none',
    playlistStep: 'none',
    captions: [],
    warnings: [],
    slotAt: null,
    attempts: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}
