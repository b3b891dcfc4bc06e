import { create } from 'zustand';
import { toggleChannel } from '../../components/channel-options.ts';

interface AddFormState {
  open: boolean;
  /** One path per line. */
  files: string;
  channelIds: string[];
  /** Why the form was opened for the user (a drop the browser could not resolve). */
  notice: string | null;
  toggle(): void;
  setFiles(files: string): void;
  setChannel(channelId: string, on: boolean): void;
  /** Opens the form with these lines and this channel ticked, and says why. */
  prefill(lines: string[], channelId: string, notice: string): void;
  reset(): void;
}

/** The Add upload form's draft, kept outside the form so a drop on a channel can fill it. */
export const useAddForm = create<AddFormState>((set) => ({
  open: false,
  files: '',
  channelIds: [],
  notice: null,
  toggle: () => set((s) => ({ open: !s.open, notice: null })),
  setFiles: (files) => set({ files }),
  setChannel: (channelId, on) =>
    set((s) => ({ channelIds: toggleChannel(s.channelIds, channelId, on) })),
  prefill: (lines, channelId, notice) =>
    set({ open: true, files: lines.join('\n'), channelIds: [channelId], notice }),
  reset: () => set({ files: '', notice: null }),
}));

/** The paths of the files field: one per line, blanks ignored. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** Adds the paths chosen in the file dialog to those already listed, each once. */
export const withPaths = (text: string, picked: readonly string[]): string =>
  [...new Set([...lines(text), ...picked])].join('\n');
