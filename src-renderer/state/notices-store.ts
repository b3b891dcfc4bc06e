import { create } from 'zustand';
import type { Notice } from '../../src-shared/domain/notice.ts';
import { api } from '../api/client.ts';
import { useConnection } from './connection-store.ts';

/** How many of the newest notices the bell shows. */
const SHOWN = 50;

interface NoticeCentreState {
  notices: Notice[];
  unread: number;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  markRead(ids: string[]): Promise<void>;
  markAllRead(): Promise<void>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The notification centre behind the bell: stored notices, read state, the unread count. */
export const useNoticeCentre = create<NoticeCentreState>((set, get) => ({
  notices: [],
  unread: 0,
  loaded: false,
  error: null,
  async load() {
    try {
      const list = await api.invoke('notices.list', { limit: SHOWN });
      set({ notices: list.notices, unread: list.unread, loaded: true, error: null });
    } catch (error) {
      set({ error: message(error), loaded: true });
    }
  },
  async markRead(ids) {
    const fresh = ids.filter((id) => get().notices.some((n) => n.id === id && !n.read));
    if (fresh.length === 0) return;
    // Shown as read at once; the engine's answer sets the count.
    set((s) => ({
      notices: s.notices.map((n) => (fresh.includes(n.id) ? { ...n, read: true } : n)),
    }));
    try {
      set(await api.invoke('notices.markRead', { ids: fresh }));
    } catch (error) {
      set({ error: message(error) });
      void get().load();
    }
  },
  async markAllRead() {
    set((s) => ({ notices: s.notices.map((n) => ({ ...n, read: true })) }));
    try {
      set(await api.invoke('notices.markRead', { all: true }));
    } catch (error) {
      set({ error: message(error) });
      void get().load();
    }
  },
}));

api.on('app.noticed', (notice) =>
  useNoticeCentre.setState((s) =>
    s.notices.some((n) => n.id === notice.id)
      ? s
      : { notices: [notice, ...s.notices].slice(0, SHOWN) },
  ),
);
// Read elsewhere (another window, the CLI, an OS notification's click): take the engine's view.
api.on('notices.changed', ({ unread }) => {
  const shownUnread = useNoticeCentre.getState().notices.filter((n) => !n.read).length;
  useNoticeCentre.setState({ unread });
  if (shownUnread !== unread) void useNoticeCentre.getState().load();
});
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useNoticeCentre.getState().load();
});
