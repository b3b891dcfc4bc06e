import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { Channel } from '../../../src-shared/domain/channel.ts';
import {
  channelOptions,
  channelTitles,
  toggleChannel,
} from '../../../src-renderer/components/channel-options.ts';

const channel = (id: string, title: string, status: Channel['status']): Channel => ({
  id,
  title,
  handle: null,
  avatarUrl: null,
  customThumbnails: null,
  googleAccount: null,
  clientId: null,
  status,
  accessTokenExpiresAt: null,
  connectedAt: '2025-01-01T00:00:00.000Z',
  lastRefreshAt: null,
  lastRefreshOutcome: null,
  grantExpiresAt: null,
  lastCheckAt: null,
  lastCheckOutcome: null,
});

const channels = [
  channel('UC_cook', 'Alice Cooks', 'connected'),
  channel('UC_travel', 'Alice Travels', 'needs_reconsent'),
  channel('UC_gone', 'Old Channel', 'disconnected'),
];

describe('channel picker options', () => {
  test('offers every channel not disconnected, by title, with a note when it is not healthy', () => {
    assert.deepEqual(channelOptions(channels, []), [
      { id: 'UC_cook', label: 'Alice Cooks', note: null },
      { id: 'UC_travel', label: 'Alice Travels', note: 'needs reconsent' },
    ]);
  });

  test('keeps picked ids it cannot offer (disconnected, or unknown), so they can be unticked', () => {
    const options = channelOptions(channels, ['UC_gone', 'UC_cli', 'UC_cook', 'UC_cli']);
    assert.deepEqual(options.slice(2), [
      { id: 'UC_gone', label: 'Old Channel', note: 'not connected' },
      { id: 'UC_cli', label: 'UC_cli', note: 'not connected' },
    ]);
  });

  test('with no channels and nothing picked there is nothing to offer', () => {
    assert.deepEqual(channelOptions([], []), []);
  });

  test('ticking adds once, in order; unticking removes', () => {
    assert.deepEqual(toggleChannel(['a'], 'b', true), ['a', 'b']);
    assert.deepEqual(toggleChannel(['a', 'b'], 'a', true), ['a', 'b']);
    assert.deepEqual(toggleChannel(['a', 'b'], 'a', false), ['b']);
    assert.deepEqual(toggleChannel([], 'a', false), []);
  });

  test('a summary names channels by title and leaves unknown ids as they are', () => {
    assert.deepEqual(channelTitles(channels, ['UC_cook', 'UC_x']), ['Alice Cooks', 'UC_x']);
  });
});
