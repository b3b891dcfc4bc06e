import { create } from 'zustand';
import type { z } from 'zod';
import type { DropPlace } from '../../../src-shared/api/files.ts';
import type { DropResultSchema } from '../../../src-shared/api/folders.ts';
import type { DroppedFile, PreviewEntry } from '../../../src-shared/watch/drop-preview.ts';
import type { DetailsDraft } from '../upload/upload-draft.ts';
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
   * null when it is in no watched folder nor the last-used one, absent while it is being looked for.
   */
  located: Record<string, { path: string; place: DropPlace } | null>;
  /** The Studio details shared by the drop's videos; null: not touched yet (the defaults). */
  draft: DetailsDraft | null;
  /** A channel's own details, where switched on. */
  own: Record<string, DetailsDraft>;
  playlists: Record<string, string | null>;
  /** Take each channel's next free schedule slot, where it has a schedule. */
  useSchedule: boolean;
  open(files: { file: File; key: string; path: string | null }[]): void;
  setTitle(index: number, title: string): void;
  setThumbnail(index: number, key: string | null): void;
  setChannel(channelId: string, on: boolean): void;
  setDraft(draft: DetailsDraft): void;
  setOwn(channelId: string, draft: DetailsDraft | null): void;
  setPlaylist(channelId: string, playlistId: string | null): void;
  setUseSchedule(on: boolean): void;
  /** `draft`: the details as shown; `scheduled`: some picked channel has a schedule. */
  confirm(draft: DetailsDraft, scheduled: boolean): Promise<void>;
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
  draft: null,
  own: {},
  playlists: {},
  useSchedule: true,
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
  setDraft: (draft) => set({ draft }),
  setOwn: (channelId, draft) =>
    set((s) => {
      const { [channelId]: _dropped, ...rest } = s.own;
      return { own: draft ? { ...rest, [channelId]: draft } : rest };
    }),
  setPlaylist: (channelId, playlistId) =>
    set((s) => ({ playlists: { ...s.playlists, [channelId]: playlistId } })),
  setUseSchedule: (useSchedule) => set({ useSchedule }),
  async confirm(draft, scheduled) {
    const { entries, channelIds, own, playlists, useSchedule } = get();
    const { dropItems, dropProblem } = await import('./drop-items.ts');
    const plan = {
      entries: entries ?? [],
      channelIds,
      draft,
      own,
      playlists,
      useSchedule: useSchedule && scheduled,
    };
    // Refused here, like the Add upload form: a mistake never becomes a failed job.
    const problem = dropProblem(plan);
    if (problem) return set({ error: problem });
    set({ busy: true, error: null });
    try {
      const results = await api.invoke('drops.queue', { items: dropItems(plan) });
      set({ results: perVideo(plan.entries, channelIds.length, results), busy: false });
    } catch (error) {
      set({ error: (error as Error).message, busy: false });
    }
  },
  close() {
    for (const url of Object.values(get().imageUrls)) URL.revokeObjectURL(url);
    set({
      entries: null,
      ignored: [],
      imageUrls: {},
      results: null,
      error: null,
      located: {},
      draft: null,
      own: {},
      playlists: {},
      useSchedule: true,
    });
  },
}));

/** drops.queue answers per (video, channel), video by video: one line per video. */
function perVideo(
  entries: readonly PreviewEntry[],
  perEntry: number,
  results: DropResult[],
): DropResult[] {
  return entries.map((e, i) => {
    const mine = results.slice(i * perEntry, (i + 1) * perEntry);
    const errors = [...new Set(mine.map((r) => r.error).filter((m) => m !== null))];
    return {
      name: e.video.name,
      jobIds: mine.flatMap((r) => r.jobIds),
      alreadyQueued: mine.flatMap((r) => r.alreadyQueued),
      error: errors.length ? errors.join('; ') : null,
    };
  });
}

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
    const located: DropState['located'] = {};
    for (const e of unknown)
      located[e.video.key] =
        matches.find((m) => m.name === e.video.name && m.size === e.video.size)?.found[0] ?? null;
    const s = useDrop.getState();
    if (s.entries === null) return;
    useDrop.setState({
      located,
      entries: s.entries.map((e) => {
        const path = located[e.video.key]?.path;
        return path ? { ...e, video: { ...e.video, path } } : e;
      }),
    });
  } catch (error) {
    useDrop.setState({ error: (error as Error).message });
  }
}
