import { create } from 'zustand';
import type { JobEditPatch } from '../../../src-shared/api/job-edits.ts';
import { api } from '../../api/client.ts';
import { useQueue } from './queue-store.ts';

const clearedKey = 'dropline.finishedClearedAt';

interface JobActionsState {
  /** Jobs ticked for a bulk action. */
  selected: string[];
  /** Jobs whose details dialog is open: one (all fields) or several (bulk fields). */
  editing: string[] | null;
  /** The job whose detail view (timeline, error, links) is open. */
  detailId: string | null;
  /** Finished jobs up to this time are hidden from the queue (they stay in the history). */
  clearedAt: string | null;
  error: string | null;
  select(id: string, on: boolean): void;
  selectOnly(ids: string[]): void;
  clearSelection(): void;
  openEdit(ids: string[]): void;
  closeEdit(): void;
  openDetail(id: string | null): void;
  update(ids: string[], patch: JobEditPatch): Promise<string | null>;
  remove(ids: string[]): Promise<void>;
  retry(ids: string[]): Promise<void>;
  move(id: string, to: 'top' | 'up' | 'down' | 'bottom'): Promise<void>;
  clearFinished(): void;
}

const stored = (): string | null => {
  try {
    return localStorage.getItem(clearedKey);
  } catch {
    return null;
  }
};

/** Acting on jobs: selection, edits, removal, order, the detail view. */
export const useJobActions = create<JobActionsState>((set, get) => ({
  selected: [],
  editing: null,
  detailId: null,
  clearedAt: stored(),
  error: null,
  select: (id, on) =>
    set((s) => ({
      selected: on ? [...new Set([...s.selected, id])] : s.selected.filter((x) => x !== id),
    })),
  selectOnly: (ids) => set({ selected: ids }),
  clearSelection: () => set({ selected: [] }),
  openEdit: (ids) => set({ editing: ids, error: null }),
  closeEdit: () => set({ editing: null }),
  openDetail: (id) => set({ detailId: id }),
  async update(ids, patch) {
    try {
      await api.invoke('jobs.update', { ids, patch });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  },
  async remove(ids) {
    try {
      await api.invoke('jobs.remove', { ids });
      set((s) => ({ selected: s.selected.filter((id) => !ids.includes(id)), error: null }));
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async retry(ids) {
    for (const id of ids)
      try {
        await api.invoke('jobs.retry', { id });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    get().clearSelection();
  },
  async move(id, to) {
    try {
      const { order } = await api.invoke('jobs.move', { id, to });
      useQueue.setState({ order });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  clearFinished() {
    const at = new Date().toISOString();
    try {
      localStorage.setItem(clearedKey, at);
    } catch {
      // A tab that cannot store it clears for this visit only.
    }
    set({ clearedAt: at });
  },
}));

api.on('jobs.reordered', ({ order }) => useQueue.setState({ order }));
api.on('jobs.removed', ({ ids }) => {
  useQueue.setState((s) => {
    const jobs = { ...s.jobs };
    for (const id of ids) delete jobs[id];
    return { jobs, order: s.order.filter((id) => !ids.includes(id)) };
  });
  useJobActions.setState((s) => ({ selected: s.selected.filter((id) => !ids.includes(id)) }));
});
