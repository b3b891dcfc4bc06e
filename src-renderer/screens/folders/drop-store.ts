import { create } from 'zustand';
import type { z } from 'zod';
import type { DropResultSchema } from '../../../src-shared/api/folders.ts';
import type { DroppedFile, PreviewEntry } from '../../../src-shared/watch/drop-preview.ts';
import { api } from '../../api/client.ts';
import { toggleChannel } from '../../components/channel-options.ts';

type DropResult = z.output<typeof DropResultSchema>;

interface DropState {
  entries: PreviewEntry[] | null;
  ignored: string[];
  /** Object URLs of the dropped images, by key, for the preview only. */
  imageUrls: Record<string, string>;
  /** Kept between drops: a creator usually sends one batch after another to the same channels. */
  channelIds: string[];
  busy: boolean;
  error: string | null;
  results: DropResult[] | null;
  /**
   * In a browser tab (no paths): where the engine found each dropped video, by key;
   * null when it is in no watched folder, absent while it is being looked for.
   */
  located: Record<string, string | null>;
  open(files: { file: File; key: string; path: string | null }[]): void;
  setTitle(index: number, title: string): void;
  setThumbnail(index: number, key: string | null): void;
  setChannel(channelId: string, on: boolean): void;
  confirm(): Promise<void>;
  close(): void;
}

/**
 * The drop preview. Pairing happens here, by names, with the shared rules:
 * no bytes leave the window. Confirming sends paths (desktop) or names and
 * sizes (browser) to the engine, which only queues what it can read.
 */
export const useDrop = create<DropState>((set, get) => ({
  entries: null,
  ignored: [],
  imageUrls: {},
  channelIds: [],
  busy: false,
  error: null,
  results: null,
  located: {},
  open(files) {
    get().close();
    const dropped: DroppedFile[] = files.map(({ file, key, path }) => ({
      key,
      name: file.name,
      size: file.size,
      path,
    }));
    // The drop listener loads with the app; what reads a drop (sidecar rules, the
    // language registry) loads with the first drop, keeping it off the first screen.
    void import('../../../src-shared/watch/drop-preview.ts').then(({ buildDropPreview }) => {
      const preview = buildDropPreview(dropped);
      const imageUrls: Record<string, string> = {};
      for (const { file, key } of files)
        if (/\.(jpe?g|png|webp)$/i.test(file.name)) imageUrls[key] = URL.createObjectURL(file);
      set({
        entries: preview.entries,
        ignored: preview.ignored,
        imageUrls,
        results: null,
        error: null,
        located: {},
      });
      void locate(preview.entries);
    });
  },
  setTitle(index, title) {
    set({ entries: (get().entries ?? []).map((e, i) => (i === index ? { ...e, title } : e)) });
  },
  setThumbnail(index, key) {
    set({
      entries: (get().entries ?? []).map((e, i) => {
        if (i !== index) return e;
        const pool = [e.thumbnail, ...e.candidates].filter((f) => f !== null);
        const chosen = pool.find((f) => f.key === key) ?? null;
        return { ...e, thumbnail: chosen, problem: null };
      }),
    });
  },
  setChannel: (channelId, on) =>
    set((s) => ({ channelIds: toggleChannel(s.channelIds, channelId, on) })),
  async confirm() {
    const entries = get().entries ?? [];
    const channelIds = get().channelIds;
    if (channelIds.length === 0) return set({ error: 'Choose at least one channel.' });
    if (entries.some((e) => e.problem))
      return set({ error: 'Choose a thumbnail (or none) for every video marked "choose".' });
    set({ busy: true, error: null });
    try {
      const { VideoMetadataSchema } = await import('../../../src-shared/domain/metadata.ts');
      const results = await api.invoke('drops.queue', {
        items: entries.map((e) => ({
          name: e.video.name,
          size: e.video.size,
          path: e.video.path,
          thumbnailName: e.thumbnail?.name ?? null,
          thumbnailPath: e.thumbnail?.path ?? null,
          channelIds,
          metadata: VideoMetadataSchema.parse({ title: e.title }),
        })),
      });
      set({ results, busy: false });
    } catch (error) {
      set({ error: (error as Error).message, busy: false });
    }
  },
  close() {
    for (const url of Object.values(get().imageUrls)) URL.revokeObjectURL(url);
    set({ entries: null, ignored: [], imageUrls: {}, results: null, error: null, located: {} });
  },
}));

/**
 * A browser only knows a dropped file's name and size: the engine looks for it in
 * the watched folders, so the preview says at once which videos it can upload
 * (and from where) and which it cannot, before anything is typed.
 */
async function locate(entries: PreviewEntry[]): Promise<void> {
  const unknown = entries.filter((e) => e.video.path === null);
  if (unknown.length === 0) return;
  try {
    const matches = await api.invoke('files.findDropped', {
      names: unknown.map((e) => ({ name: e.video.name, size: e.video.size })),
      folders: [],
    });
    const located: Record<string, string | null> = {};
    for (const e of unknown)
      located[e.video.key] =
        matches.find((m) => m.name === e.video.name && m.size === e.video.size)?.paths[0] ?? null;
    const s = useDrop.getState();
    if (s.entries === null) return;
    useDrop.setState({
      located,
      entries: s.entries.map((e) => {
        const path = located[e.video.key];
        return path ? { ...e, video: { ...e.video, path } } : e;
      }),
    });
  } catch (error) {
    useDrop.setState({ error: (error as Error).message });
  }
}
