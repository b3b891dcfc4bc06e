import { create } from 'zustand';
import type { ConnectStarted } from '../../src-shared/api/channels.ts';
import type {
  AuditEntry,
  Channel,
  OAuthClientInfo,
  TokenStats,
} from '../../src-shared/domain/channel.ts';
import { api } from '../api/client.ts';
import { isAppError } from '../../src-shared/api/errors.ts';
import { useConnection } from './connection-store.ts';

interface ChannelsState {
  channels: Channel[];
  client: OAuthClientInfo | null;
  stats: TokenStats | null;
  /** Desktop opens the browser itself; headless shows a link. */
  mode: 'desktop' | 'headless' | null;
  loaded: boolean;
  error: string | null;
  clientError: string | null;
  /** The codes of the last client or sign-in error: the setup guide shows the step that fixes it. */
  clientErrorCode: string | null;
  connectErrorCode: string | null;
  connecting: ConnectStarted | null;
  connectMessage: { ok: boolean; text: string } | null;
  audit: Record<string, AuditEntry[]>;
  load(): Promise<void>;
  setClient(
    input: { fileText: string } | { clientId: string; clientSecret: string },
  ): Promise<boolean>;
  connect(loginHint?: string): Promise<void>;
  cancelConnect(): Promise<void>;
  disconnect(channelId: string): Promise<void>;
  loadAudit(channelId: string): Promise<void>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const codeOf = (error: unknown): string | null => (isAppError(error) ? error.code : null);

/** The channel list being loaded, shared by everyone who asks meanwhile. */
let loading: Promise<void> | null = null;

export const useChannels = create<ChannelsState>((set, get) => ({
  channels: [],
  client: null,
  stats: null,
  mode: null,
  loaded: false,
  error: null,
  clientError: null,
  clientErrorCode: null,
  connectErrorCode: null,
  connecting: null,
  connectMessage: null,
  audit: {},
  load() {
    // Several screens and pickers ask at once: one round of calls serves them all.
    loading ??= (async () => {
      try {
        const [channels, client, stats, info] = await Promise.all([
          api.invoke('channels.list', {}),
          api.invoke('client.get', {}),
          api.invoke('channels.stats', {}),
          api.invoke('app.info', {}),
        ]);
        set({ channels, client, stats, mode: info.mode, loaded: true, error: null });
      } catch (error) {
        set({ error: message(error), loaded: true });
      }
    })().finally(() => (loading = null));
    return loading;
  },
  async setClient(input) {
    try {
      const client = await api.invoke('client.set', input);
      set({ client, clientError: null, clientErrorCode: null });
      return true;
    } catch (error) {
      set({ clientError: message(error), clientErrorCode: codeOf(error) });
      return false;
    }
  },
  async connect(loginHint) {
    try {
      set({ connectMessage: null, connectErrorCode: null });
      const started = await api.invoke('channels.connect', { loginHint, openBrowser: true });
      set({ connecting: started });
    } catch (error) {
      set({ connectMessage: { ok: false, text: message(error) }, connectErrorCode: codeOf(error) });
    }
  },
  async cancelConnect() {
    const flow = get().connecting;
    if (flow)
      await api.invoke('channels.cancelConnect', { flowId: flow.flowId }).catch(() => undefined);
  },
  async disconnect(channelId) {
    try {
      const result = await api.invoke('channels.disconnect', { channelId });
      set((s) => ({
        channels: s.channels.map((c) => (c.id === channelId ? result.channel : c)),
        error: result.revokedAtGoogle
          ? null
          : `Google could not be reached to revoke "${result.channel.title}"; its tokens are deleted here. Remove Dropline at myaccount.google.com/permissions.`,
      }));
      void get().loadAudit(channelId);
    } catch (error) {
      set({ error: message(error) });
    }
  },
  async loadAudit(channelId) {
    try {
      const entries = await api.invoke('channels.audit', { channelId, limit: 20 });
      set((s) => ({ audit: { ...s.audit, [channelId]: entries } }));
    } catch (error) {
      set({ error: message(error) });
    }
  },
}));

api.on('channels.changed', (channels) => {
  useChannels.setState({ channels });
  void api.invoke('channels.stats', {}).then(
    (stats) => useChannels.setState({ stats }),
    () => undefined,
  );
});
api.on('client.changed', (client) => useChannels.setState({ client }));
api.on('channels.connectEnded', ({ flowId, outcome }) => {
  if (useChannels.getState().connecting?.flowId !== flowId) return;
  useChannels.setState({
    connecting: null,
    connectErrorCode: outcome.status === 'connected' ? null : outcome.error.code,
    connectMessage:
      outcome.status === 'connected'
        ? {
            ok: true,
            text: `${outcome.reconnected ? 'Reconnected' : 'Connected'} "${outcome.channel.title}".`,
          }
        : { ok: false, text: outcome.error.message },
  });
});
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useChannels.getState().load();
});
