import { create } from 'zustand';
import type { Input } from '../../../src-shared/api/contract.ts';
import type { WatchItem, WatchedFolder } from '../../../src-shared/domain/watched-folder.ts';
import { api } from '../../api/client.ts';
import { useConnection } from '../../state/connection-store.ts';

interface FoldersState {
  folders: WatchedFolder[];
  items: Record<string, WatchItem[]>;
  error: string | null;
  loaded: boolean;
  /** A folder path to prefill the add form with (a folder dropped onto the desktop window). */
  draftPath: string;
  load(): Promise<void>;
  loadItems(folderId: string): Promise<void>;
  add(input: Input<'folders.add'>): Promise<boolean>;
  /** True when the engine took the change (otherwise `error` says why). */
  update(input: Input<'folders.update'>): Promise<boolean>;
  remove(id: string): Promise<void>;
  resolveOffer(folderId: string, choice: 'upload_existing' | 'only_new'): Promise<void>;
  chooseThumbnail(item: WatchItem, image: string | null): Promise<void>;
  retry(item: WatchItem): Promise<void>;
  uploadAgain(item: WatchItem): Promise<void>;
  setDraftPath(path: string): void;
}

export const useFolders = create<FoldersState>((set, get) => {
  /** Runs an API call; any error lands in `error` for the screen to show. */
  const attempt = async (fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn();
      set({ error: null });
      return true;
    } catch (error) {
      set({ error: (error as Error).message });
      return false;
    }
  };
  const refreshItems = (folderId: string) => get().loadItems(folderId);
  return {
    folders: [],
    items: {},
    error: null,
    loaded: false,
    draftPath: '',
    async load() {
      await attempt(async () =>
        set({ folders: await api.invoke('folders.list', {}), loaded: true }),
      );
    },
    async loadItems(folderId) {
      await attempt(async () => {
        const items = await api.invoke('folders.items', { folderId });
        set({ items: { ...get().items, [folderId]: items } });
      });
    },
    add: (input) =>
      attempt(async () => {
        const folder = await api.invoke('folders.add', input);
        set({
          folders: [...get().folders.filter((f) => f.id !== folder.id), folder],
          draftPath: '',
        });
      }),
    update: (input) =>
      attempt(async () => {
        const folder = await api.invoke('folders.update', input);
        set({ folders: get().folders.map((f) => (f.id === folder.id ? folder : f)) });
      }),
    async remove(id) {
      await attempt(async () => {
        await api.invoke('folders.remove', { id });
        set({ folders: get().folders.filter((f) => f.id !== id) });
      });
    },
    async resolveOffer(folderId, choice) {
      await attempt(async () => {
        await api.invoke('folders.resolveOffer', { folderId, choice });
        await refreshItems(folderId);
      });
    },
    async chooseThumbnail(item, image) {
      await attempt(async () => {
        await api.invoke('folders.chooseThumbnail', { itemId: item.id, image });
        await refreshItems(item.folderId);
      });
    },
    async retry(item) {
      await attempt(async () => {
        await api.invoke('folders.retry', { itemId: item.id });
        await refreshItems(item.folderId);
      });
    },
    async uploadAgain(item) {
      await attempt(async () => {
        await api.invoke('folders.uploadAgain', { itemId: item.id });
        await refreshItems(item.folderId);
      });
    },
    setDraftPath: (draftPath) => set({ draftPath }),
  };
});

api.on('folders.changed', ({ folders }) => {
  useFolders.setState({ folders, loaded: true });
  // Items of folders the user has open follow along.
  for (const id of Object.keys(useFolders.getState().items))
    void useFolders.getState().loadItems(id);
});
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useFolders.getState().load();
});
