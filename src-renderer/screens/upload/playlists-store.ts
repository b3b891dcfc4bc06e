import { create } from 'zustand';
import type { Playlist } from '../../../src-shared/api/channel-extras.ts';
import { api } from '../../api/client.ts';

interface PlaylistsState {
  byChannel: Record<string, Playlist[]>;
  errors: Record<string, string>;
  loading: Record<string, boolean>;
  load(channelId: string, refresh?: boolean): Promise<void>;
}

/** Each channel's own playlists, asked of the engine once (it caches them for ten minutes). */
export const usePlaylists = create<PlaylistsState>((set, get) => ({
  byChannel: {},
  errors: {},
  loading: {},
  async load(channelId, refresh = false) {
    if (get().loading[channelId] || (!refresh && get().byChannel[channelId])) return;
    set((s) => ({ loading: { ...s.loading, [channelId]: true } }));
    try {
      const list = await api.invoke('channels.playlists', { channelId, refresh });
      set((s) => ({
        byChannel: { ...s.byChannel, [channelId]: list },
        errors: Object.fromEntries(Object.entries(s.errors).filter(([id]) => id !== channelId)),
      }));
    } catch (error) {
      set((s) => ({ errors: { ...s.errors, [channelId]: (error as Error).message } }));
    } finally {
      set((s) => ({ loading: { ...s.loading, [channelId]: false } }));
    }
  },
}));
