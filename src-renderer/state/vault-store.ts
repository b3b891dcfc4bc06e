import { create } from 'zustand';
import type { VaultStatus } from '../../src-shared/api/vault.ts';
import { api } from '../api/client.ts';
import { useConnection } from './connection-store.ts';

interface VaultState {
  status: VaultStatus | null;
  error: string | null;
  /** A passphrase call is running (the engine derives a key, and may make us wait after a wrong one). */
  busy: boolean;
  /** The last thing that went well, for a short confirmation. */
  done: string | null;
  load(): Promise<void>;
  /** Each returns whether it worked; the passphrase is passed through, never kept here. */
  setPassphrase(passphrase: string): Promise<boolean>;
  unlock(passphrase: string): Promise<boolean>;
  removePassphrase(): Promise<boolean>;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export const useVault = create<VaultState>((set) => {
  const run = async (work: () => Promise<VaultStatus>, done: string): Promise<boolean> => {
    set({ busy: true, error: null, done: null });
    try {
      set({ status: await work(), busy: false, done });
      return true;
    } catch (error) {
      set({ error: message(error), busy: false });
      return false;
    }
  };
  return {
    status: null,
    error: null,
    busy: false,
    done: null,
    async load() {
      try {
        set({ status: await api.invoke('vault.status', {}) });
      } catch (error) {
        set({ error: message(error) });
      }
    },
    setPassphrase: (passphrase) =>
      run(() => api.invoke('vault.setPassphrase', { passphrase }), 'Passphrase saved.'),
    unlock: (passphrase) => run(() => api.invoke('vault.unlock', { passphrase }), 'Unlocked.'),
    removePassphrase: () =>
      run(() => api.invoke('vault.removePassphrase', {}), 'Passphrase removed.'),
  };
});

api.on('vault.changed', (status) => useVault.setState({ status }));
useConnection.subscribe((s, prev) => {
  if (s.generation !== prev.generation) void useVault.getState().load();
});
