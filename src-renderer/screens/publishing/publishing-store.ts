import { create } from 'zustand';
import type { Schedule, SlotView } from '../../../src-shared/api/publishing.ts';
import type { Preset, PresetFields } from '../../../src-shared/publishing/preset.ts';
import type { ScheduleSpec } from '../../../src-shared/domain/schedule-spec.ts';
import { api } from '../../api/client.ts';
import { useConnection } from '../../state/connection-store.ts';

interface PublishingState {
  schedules: Record<string, Schedule>;
  slots: Record<string, SlotView[]>;
  presets: Preset[];
  loaded: boolean;
  /** The last refusal, by where it happened: `schedule:<channel>`, `slot:<job>`, `preset`. */
  errors: Record<string, string>;
  load(): Promise<void>;
  loadSlots(channelId: string): Promise<void>;
  setSchedule(channelId: string, spec: ScheduleSpec): Promise<boolean>;
  clearSchedule(channelId: string): Promise<void>;
  move(jobId: string, channelId: string, at: string): Promise<boolean>;
  savePreset(name: string, channelId: string | null, fields: PresetFields): Promise<boolean>;
  removePreset(name: string, channelId: string | null): Promise<void>;
}

const slotCount = 8;

/** Schedules, their coming slots and presets: the Publishing screen and the Add upload form read them. */
export const usePublishing = create<PublishingState>((set, get) => {
  const attempt = async (key: string, fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn();
      const { [key]: _gone, ...rest } = get().errors;
      set({ errors: rest });
      return true;
    } catch (error) {
      set({ errors: { ...get().errors, [key]: (error as Error).message } });
      return false;
    }
  };
  return {
    schedules: {},
    slots: {},
    presets: [],
    loaded: false,
    errors: {},
    async load() {
      await attempt('load', async () => {
        const [schedules, presets] = await Promise.all([
          api.invoke('schedules.list', {}),
          api.invoke('presets.list', {}),
        ]);
        set({
          schedules: Object.fromEntries(schedules.map((s) => [s.channelId, s])),
          presets,
          loaded: true,
        });
        await Promise.all(schedules.map((s) => get().loadSlots(s.channelId)));
      });
    },
    async loadSlots(channelId) {
      const slots = await api.invoke('schedules.slots', { channelId, count: slotCount });
      set({ slots: { ...get().slots, [channelId]: slots } });
    },
    setSchedule: (channelId, spec) =>
      attempt(`schedule:${channelId}`, async () => {
        const saved = await api.invoke('schedules.set', { channelId, ...spec });
        set({ schedules: { ...get().schedules, [channelId]: saved } });
        await get().loadSlots(channelId);
      }),
    async clearSchedule(channelId) {
      await attempt(`schedule:${channelId}`, async () => {
        await api.invoke('schedules.clear', { channelId });
        const { [channelId]: _s, ...schedules } = get().schedules;
        const { [channelId]: _l, ...slots } = get().slots;
        set({ schedules, slots });
      });
    },
    move: (jobId, channelId, at) =>
      attempt(`slot:${jobId}`, async () => {
        await api.invoke('schedules.move', { jobId, at });
        await get().loadSlots(channelId);
      }),
    savePreset: (name, channelId, fields) =>
      attempt('preset', async () => {
        await api.invoke('presets.set', { name, channelId, fields });
        set({ presets: await api.invoke('presets.list', {}) });
      }),
    async removePreset(name, channelId) {
      await attempt('preset', async () => {
        await api.invoke('presets.remove', { name, channelId });
        set({ presets: await api.invoke('presets.list', {}) });
      });
    },
  };
});

api.on('presets.changed', ({ presets }) => usePublishing.setState({ presets }));
api.on('schedules.changed', ({ channelId }) => {
  if (usePublishing.getState().schedules[channelId])
    void usePublishing.getState().loadSlots(channelId);
});
// A job that takes, changes or frees a slot: the slots of its channel are read again.
api.on('jobs.changed', (job) => {
  if (usePublishing.getState().schedules[job.channelId])
    void usePublishing.getState().loadSlots(job.channelId);
});
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation && usePublishing.getState().loaded)
    void usePublishing.getState().load();
});
