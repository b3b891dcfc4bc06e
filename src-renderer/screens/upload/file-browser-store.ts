import { create } from 'zustand';
import type { FolderListing } from '../../../src-shared/api/files.ts';
import { api } from '../../api/client.ts';

interface FileBrowserState {
  listing: FolderListing | null;
  loading: boolean;
  error: string | null;
  open(path: string | null): Promise<void>;
}

/** The engine machine's folders as a browser tab sees them (files.list). */
export const useFileBrowser = create<FileBrowserState>((set) => ({
  listing: null,
  loading: false,
  error: null,
  async open(path) {
    set({ loading: true, error: null });
    try {
      set({ listing: await api.invoke('files.list', { path }), loading: false });
    } catch (error) {
      set({ error: (error as Error).message, loading: false });
    }
  },
}));
