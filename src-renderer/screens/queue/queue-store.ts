import { create } from 'zustand';
import type { ChannelHold, Job, JobProgress, QuotaStatus } from '../../../src-shared/domain/job.ts';
import type { VideoMetadata } from '../../../src-shared/domain/metadata.ts';
import { api } from '../../api/client.ts';
import { useConnection } from '../../state/connection-store.ts';

interface QueueState {
  jobs: Record<string, Job>;
  order: string[];
  progress: Record<string, JobProgress>;
  quota: QuotaStatus[];
  holds: ChannelHold[];
  error: string | null;
  load(): Promise<void>;
  act(action: 'pause' | 'resume' | 'cancel' | 'retry', id: string): Promise<void>;
  actOnChannel(action: 'pauseChannel' | 'resumeChannel', channelId: string): Promise<void>;
  enqueue(input: {
    files: string[];
    channelIds: string[];
    metadata: VideoMetadata;
    thumbnail: string | null;
  }): Promise<boolean>;
}

function upsert(state: QueueState, job: Job): Partial<QueueState> {
  const known = job.id in state.jobs;
  return {
    jobs: { ...state.jobs, [job.id]: job },
    order: known ? state.order : [...state.order, job.id],
  };
}

/** The Queue screen's state: jobs from the engine, kept live by its events. */
export const useQueue = create<QueueState>((set) => {
  const fail = (error: unknown) => set({ error: (error as Error).message });
  const refreshQuota = async () => {
    const q = await api.invoke('jobs.quota', {});
    set({ quota: q.projects, holds: q.holds });
  };
  return {
    jobs: {},
    order: [],
    progress: {},
    quota: [],
    holds: [],
    error: null,
    async load() {
      try {
        const list = await api.invoke('jobs.list', {});
        set({
          jobs: Object.fromEntries(list.map((j) => [j.id, j])),
          order: list.map((j) => j.id),
          error: null,
        });
        await refreshQuota();
      } catch (error) {
        fail(error);
      }
    },
    async act(action, id) {
      try {
        const job = await api.invoke(`jobs.${action}`, { id });
        set((s) => upsert(s, job));
      } catch (error) {
        fail(error);
      }
    },
    async actOnChannel(action, channelId) {
      try {
        await api.invoke(`jobs.${action}`, { channelId });
      } catch (error) {
        fail(error);
      }
    },
    async enqueue(input) {
      try {
        await api.invoke('jobs.enqueue', input);
        set({ error: null });
        void refreshQuota();
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
  };
});

api.on('jobs.changed', (job) => {
  useQueue.setState((s) => upsert(s, job));
  if (job.state === 'processing' || job.state === 'waiting' || job.state === 'done')
    void api.invoke('jobs.quota', {}).then(
      (q) => useQueue.setState({ quota: q.projects, holds: q.holds }),
      () => undefined,
    );
});
api.on('jobs.progressed', (p) =>
  useQueue.setState((s) => ({ progress: { ...s.progress, [p.id]: p } })),
);
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useQueue.getState().load();
});
