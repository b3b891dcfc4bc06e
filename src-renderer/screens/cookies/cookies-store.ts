import { create } from 'zustand';
import { inputLimits, tooLargeMessage } from '../../../src-shared/domain/input-limits.ts';
import type { CookieImportResult } from '../../../src-shared/api/cookies.ts';
import type { CookieLabelInfo, Download } from '../../../src-shared/domain/cookie-file.ts';
import { api } from '../../api/client.ts';
import { useConnection } from '../../state/connection-store.ts';

interface CookiesState {
  labels: CookieLabelInfo[];
  downloads: Download[];
  lastImport: (CookieImportResult & { fileName: string; sourceDeleted: boolean }) | null;
  error: string | null;
  /** The first list has arrived: until then "no cookie files" would be a guess. */
  loaded: boolean;
  busy: boolean;
  load(): Promise<void>;
  importFile(file: File, label: string): Promise<void>;
  importPath(path: string, label: string): Promise<void>;
  deleteSource(): Promise<void>;
  dismissImport(): void;
  remove(label: string): Promise<void>;
  startDownload(url: string, label: string, outDir: string): Promise<void>;
  cancel(id: string): Promise<void>;
  removeDownload(id: string): Promise<void>;
}

const orUndefined = (text: string): string | undefined => (text.trim() ? text.trim() : undefined);

export const useCookies = create<CookiesState>((set, get) => {
  /** Runs an API call with one busy flag and one error line for the whole screen. */
  async function run(fn: () => Promise<void>): Promise<void> {
    set({ busy: true, error: null });
    try {
      await fn();
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ busy: false });
    }
  }
  return {
    labels: [],
    downloads: [],
    lastImport: null,
    error: null,
    loaded: false,
    busy: false,
    load: () =>
      run(async () => {
        const [labels, downloads] = await Promise.all([
          api.invoke('cookies.list', {}),
          api.invoke('downloads.list', {}),
        ]);
        set({ labels, downloads, loaded: true });
      }),
    importFile: (file, label) =>
      run(async () => {
        // Refused before reading: a wrong pick (a video, a disk image) never reaches memory.
        if (file.size > inputLimits.cookieFileBytes)
          throw new Error(
            tooLargeMessage('cookie file', file.name, file.size, inputLimits.cookieFileBytes),
          );
        const content = await file.text();
        const result = await api.invoke('cookies.import', {
          content,
          fileName: file.name,
          label: orUndefined(label),
        });
        set({ lastImport: { ...result, fileName: file.name, sourceDeleted: false } });
      }),
    importPath: (path, label) =>
      run(async () => {
        const result = await api.invoke('cookies.import', { path, label: orUndefined(label) });
        set({ lastImport: { ...result, fileName: path, sourceDeleted: false } });
      }),
    deleteSource: () =>
      run(async () => {
        const last = get().lastImport;
        if (!last) return;
        const { deleted } = await api.invoke('cookies.deleteSource', { versionId: last.versionId });
        set({ lastImport: { ...last, sourceDeleted: deleted, sourceDeletable: false } });
      }),
    dismissImport: () => set({ lastImport: null }),
    remove: (label) =>
      run(async () => {
        await api.invoke('cookies.remove', { label });
      }),
    startDownload: (url, label, outDir) =>
      run(async () => {
        await api.invoke('downloads.start', {
          url: url.trim(),
          label: orUndefined(label),
          outDir: orUndefined(outDir),
        });
      }),
    cancel: (id) =>
      run(async () => {
        await api.invoke('downloads.cancel', { id });
      }),
    removeDownload: (id) =>
      run(async () => {
        await api.invoke('downloads.remove', { id });
      }),
  };
});

api.on('cookies.changed', (labels) => useCookies.setState({ labels }));
api.on('downloads.progressed', (download) =>
  useCookies.setState((s) => {
    const others = s.downloads.filter((d) => d.id !== download.id);
    const at = s.downloads.findIndex((d) => d.id === download.id);
    if (at === -1) return { downloads: [download, ...others] };
    const next = [...s.downloads];
    next[at] = download;
    return { downloads: next };
  }),
);
// Removed here or in another window: the engine says which.
api.on('downloads.removed', ({ id }) =>
  useCookies.setState((s) => ({ downloads: s.downloads.filter((d) => d.id !== id) })),
);
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useCookies.getState().load();
});
