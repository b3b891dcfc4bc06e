import { create } from 'zustand';
import type { HistoryEntry } from '../../../src-shared/domain/history.ts';
import { api } from '../../api/client.ts';
import { useQueue } from './queue-store.ts';

interface HistoryState {
  entries: HistoryEntry[];
  search: string;
  loading: boolean;
  error: string | null;
  /** What the last "Clear done" did, for the line under the buttons. */
  cleared: number | null;
  load(search?: string): Promise<void>;
  clearDone(): Promise<void>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Finished uploads (kept when done jobs leave the queue), searched by title or file in the engine. */
export const useHistory = create<HistoryState>((set, get) => ({
  entries: [],
  search: '',
  loading: false,
  error: null,
  cleared: null,
  async load(search = get().search) {
    set({ search, loading: true });
    try {
      const entries = await api.invoke('history.list', { search: search.trim() || undefined });
      // A slower answer to an older search must not replace a newer one.
      if (get().search === search) set({ entries, loading: false, error: null });
    } catch (error) {
      set({ loading: false, error: message(error) });
    }
  },
  async clearDone() {
    try {
      const { cleared } = await api.invoke('jobs.clearDone', {});
      set({ cleared: cleared.length, error: null });
      await Promise.all([useQueue.getState().load(), get().load()]);
    } catch (error) {
      set({ error: message(error) });
    }
  },
}));

// A job that turns done adds a history row.
api.on('jobs.changed', (job) => {
  if (job.state === 'done') void useHistory.getState().load();
});
