import { create } from 'zustand';
import type { TikTokAccount } from '../../src-shared/domain/tiktok.ts';
import { api } from '../api/client.ts';
import { useConnection } from './connection-store.ts';

interface TikTokState {
  app: { clientKey: string; audited: boolean } | null;
  accounts: TikTokAccount[];
  loaded: boolean;
  error: string | null;
  /** The sign-in waiting in the browser: its URL, shown as a link headless. */
  connecting: { flowId: string; authorizationUrl: string } | null;
  message: { ok: boolean; text: string } | null;
  load(): Promise<void>;
  setApp(input: { clientKey: string; clientSecret?: string; audited: boolean }): Promise<boolean>;
  connect(): Promise<void>;
  disconnect(openId: string): Promise<void>;
}

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const useTikTok = create<TikTokState>((set, get) => ({
  app: null,
  accounts: [],
  loaded: false,
  error: null,
  connecting: null,
  message: null,
  async load() {
    try {
      const [app, accounts] = await Promise.all([
        api.invoke('tiktok.app.get', {}),
        api.invoke('tiktok.accounts.list', {}),
      ]);
      set({ app, accounts, loaded: true, error: null });
    } catch (error) {
      set({ error: text(error), loaded: true });
    }
  },
  async setApp(input) {
    try {
      const app = await api.invoke('tiktok.app.set', input);
      set({ app, error: null });
      await get().load();
      return true;
    } catch (error) {
      set({ error: text(error) });
      return false;
    }
  },
  async connect() {
    try {
      set({ message: null });
      const started = await api.invoke('tiktok.connect', { openBrowser: true });
      set({ connecting: started });
      const account = await api.invoke('tiktok.connectResult', { flowId: started.flowId });
      set({ connecting: null, message: { ok: true, text: `Connected ${account.nickname}.` } });
      await get().load();
    } catch (error) {
      set({ connecting: null, message: { ok: false, text: text(error) } });
    }
  },
  async disconnect(openId) {
    try {
      await api.invoke('tiktok.disconnect', { openId });
      await get().load();
    } catch (error) {
      set({ error: text(error) });
    }
  },
}));

api.on('tiktok.changed', () => void useTikTok.getState().load());
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useTikTok.getState().load();
});
