import { create } from 'zustand';
import type { AppInfo } from '../../src-shared/api/app.ts';
import type { Settings, SettingsPatch } from '../../src-shared/domain/settings.ts';
import { api } from '../api/client.ts';
import { useConnection } from './connection-store.ts';

interface SettingsState {
  settings: Settings | null;
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  info: null,
  error: null,
  async load() {
    try {
      const [settings, info] = await Promise.all([
        api.invoke('settings.get', {}),
        api.invoke('app.info', {}),
      ]);
      set({ settings, info, error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async update(patch) {
    try {
      set({ settings: await api.invoke('settings.set', patch), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

api.on('settings.changed', (settings) => useSettings.setState({ settings }));
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useSettings.getState().load();
});
