import { create } from 'zustand';
import type { ToolsStatus } from '../../src-shared/api/tools.ts';
import type { UpdateStatus } from '../../src-shared/api/updates.ts';
import { api } from '../api/client.ts';

interface ToolsState {
  tools: ToolsStatus | null;
  update: UpdateStatus | null;
  error: string | null;
  load(): Promise<void>;
  checkForUpdates(): Promise<void>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** ffprobe and yt-dlp as the engine finds them, and where the self-update stands. */
export const useTools = create<ToolsState>((set) => ({
  tools: null,
  update: null,
  error: null,
  async load() {
    try {
      const [tools, update] = await Promise.all([
        api.invoke('tools.status', {}),
        api.invoke('updates.status', {}),
      ]);
      set({ tools, update, error: null });
    } catch (error) {
      set({ error: message(error) });
    }
  },
  async checkForUpdates() {
    try {
      set({ update: await api.invoke('updates.check', {}), error: null });
    } catch (error) {
      set({ error: message(error) });
    }
  },
}));

api.on('updates.changed', (update) => useTools.setState({ update }));
// A changed program path shows its new status at once.
api.on('settings.changed', () => void useTools.getState().load());
