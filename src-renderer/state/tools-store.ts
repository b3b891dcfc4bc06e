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
export const useTools = create<ToolsState>((set, get) => ({
  tools: null,
  update: null,
  error: null,
  async load() {
    // Each answer on its own: an updater that cannot answer must not hide the programs' status.
    const [tools, update] = await Promise.allSettled([
      api.invoke('tools.status', {}),
      api.invoke('updates.status', {}),
    ]);
    const failed = [tools, update].find((r) => r.status === 'rejected');
    set({
      tools: tools.status === 'fulfilled' ? tools.value : get().tools,
      update: update.status === 'fulfilled' ? update.value : get().update,
      error: failed ? message(failed.reason) : null,
    });
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
