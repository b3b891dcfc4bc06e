import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { Job } from '../../../src-shared/domain/job.ts';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import { titleText } from '../../../src-renderer/state/title-text.ts';

const job = (id: string, state: Job['state'], bytesSent = 0, bytesTotal = 100): Job => ({
  id,
  file: `/v/${id}.mp4`,
  channelId: 'UC1',
  state,
  bytesSent,
  bytesTotal,
  videoId: null,
  error: null,
  title: id,
  metadata: VideoMetadataSchema.parse({ title: id }),
  thumbnail: null,
  waitReason: null,
  waitUntil: null,
  thumbnailStep: 'none',
  playlistStep: 'none',
  attempts: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('window title', () => {
  test('idle: just the app name', () => {
    assert.equal(titleText([job('a', 'done', 100)], {}), 'Dropline');
  });
  test('uploads: how many and how far, from live progress where there is some', () => {
    const jobs = [
      job('a', 'uploading', 10, 100),
      job('b', 'uploading', 0, 100),
      job('c', 'queued'),
    ];
    const live = {
      b: { id: 'b', channelId: 'UC1', bytesSent: 76, bytesTotal: 100, rate: 1, etaSeconds: 1 },
    };
    assert.equal(titleText(jobs, live), '2 uploading · 43% — Dropline');
  });
  test('failures and waits are named too', () => {
    assert.equal(
      titleText([job('a', 'failed'), job('b', 'waiting')], {}),
      '1 waiting · 1 failed — Dropline',
    );
  });
});
