import { create } from 'zustand';
import type { ChannelHold, Job, JobProgress, QuotaStatus } from '../../../src-shared/domain/job.ts';
import type { VideoMetadata } from '../../../src-shared/domain/metadata.ts';
import { api } from '../../api/client.ts';
import { useConnection } from '../../state/connection-store.ts';
import { useAddForm } from './add-form-store.ts';
import { planChannelDrop, type DroppedFile } from './channel-drop.ts';
import type { ExistingJob } from '../../../src-shared/api/jobs.ts';
import type { NewUpload } from '../../../src-shared/api/job-edits.ts';

/** "clip.mp4 is already uploaded …": nothing new was queued for these (file, channel) pairs. */
function describeExisting(existing: ExistingJob[]): string {
  return existing
    .map((e) => {
      const name = e.file.split(/[\\/]/).pop() ?? e.file;
      const where =
        e.state === 'done'
          ? `is already uploaded to this channel${e.url ? ` (${e.url})` : ''}`
          : `is already in the queue for this channel (${e.state})`;
      const details = e.sameMetadata ? '' : '; the new details were not applied';
      return `${name} ${where}${details}. To upload it again as a new video, tick "Upload again".`;
    })
    .join(' ');
}
import { applyBatch, createEventBatcher } from './event-batch.ts';

export interface QueueState {
  jobs: Record<string, Job>;
  order: string[];
  progress: Record<string, JobProgress>;
  quota: QuotaStatus[];
  holds: ChannelHold[];
  error: string | null;
  /** The outcome of the last drop onto a channel. */
  notice: string | null;
  load(): Promise<void>;
  act(action: 'pause' | 'resume' | 'cancel' | 'retry', id: string): Promise<void>;
  actOnChannel(action: 'pauseChannel' | 'resumeChannel', channelId: string): Promise<void>;
  enqueue(input: {
    files: string[];
    channelIds: string[];
    metadata: VideoMetadata;
    thumbnail: string | null;
    /** 'channel': each channel's next free schedule slot becomes the publish time. */
    schedule?: 'channel' | null;
    /** A new video even where this file is already uploaded or queued. */
    again?: boolean;
  }): Promise<boolean>;
  /**
   * The Add upload form's uploads, each with its own details: refused whole
   * (the reason returned, no job made) when any is wrong.
   */
  addUploads(uploads: NewUpload[], again: boolean): Promise<string | null>;
  dropOnChannel(files: DroppedFile[], channelId: string, channelTitle: string): Promise<void>;
}

const browserDropNotice =
  'A browser tab cannot see where dropped files are on the Dropline machine. Type the full path of each file below (its name is filled in), then Add to queue.';

/** The Queue screen's state: jobs from the engine, kept live by its events. */
export const useQueue = create<QueueState>((set, get) => {
  const fail = (error: unknown) => set({ error: (error as Error).message, notice: null });
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
    notice: null,
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
        // The answer is not applied: the engine announces the change (and the run that may
        // start right after) as events before it answers, so the answer can be older than them.
        await api.invoke(`jobs.${action}`, { id });
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
        const out = await api.invoke('jobs.enqueue', input);
        set({ error: null, notice: out.existing.length ? describeExisting(out.existing) : null });
        void refreshQuota().catch(() => undefined);
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    async addUploads(uploads, again) {
      try {
        if (again) {
          // Only jobs.enqueue makes a second video of the same bytes; the form checked each first.
          for (const u of uploads)
            await api.invoke('jobs.enqueue', {
              files: [u.file],
              channelIds: [u.channelId],
              metadata: u.metadata,
              thumbnail: u.thumbnail,
              schedule: u.schedule,
              again: true,
            });
          set({ error: null, notice: null });
        } else {
          const known = get().jobs;
          const { jobIds } = await api.invoke('jobs.add', { uploads });
          const existing = jobIds.filter((id) => known[id]).length;
          set({
            error: null,
            notice: existing
              ? `${existing} of these ${existing === 1 ? 'was' : 'were'} already queued or uploaded on that channel: no new job was made. To upload again as a new video, tick "Upload again".`
              : null,
          });
        }
        void refreshQuota().catch(() => undefined);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },
    async dropOnChannel(files, channelId, channelTitle) {
      const plan = planChannelDrop(files, channelId);
      switch (plan.kind) {
        case 'nothing':
          set({ error: plan.reason, notice: null });
          return;
        case 'needPaths':
          useAddForm.getState().prefill(plan.names, plan.channelId, browserDropNotice);
          set({ error: null, notice: null });
          return;
        case 'enqueue': {
          // Loaded on the first drop: its zod schemas are no part of the first screen.
          const { VideoMetadataSchema } = await import('../../../src-shared/domain/metadata.ts');
          for (const upload of plan.uploads) {
            const ok = await get().enqueue({
              files: [upload.path],
              channelIds: [plan.channelId],
              metadata: VideoMetadataSchema.parse({ title: upload.title, privacy: 'private' }),
              thumbnail: null,
            });
            if (!ok) return;
          }
          const n = plan.uploads.length;
          set({ notice: `Queued ${n} video${n === 1 ? '' : 's'} on ${channelTitle} (private).` });
          return;
        }
      }
    },
  };
});

// Events are applied in batches: a burst (2,000 jobs enqueued at once) costs one render, not 2,000.
const batcher = createEventBatcher((jobs, progress) => {
  useQueue.setState((s) => applyBatch(s, jobs, progress));
  if (jobs.some((j) => j.state === 'processing' || j.state === 'waiting' || j.state === 'done'))
    void api.invoke('jobs.quota', {}).then(
      (q) => useQueue.setState({ quota: q.projects, holds: q.holds }),
      () => undefined,
    );
});
api.on('jobs.changed', (job) => batcher.job(job));
api.on('jobs.progressed', (p) => batcher.progress(p));
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useQueue.getState().load();
});
