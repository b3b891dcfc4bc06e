import { create } from 'zustand';
import { connection } from '../api/client.ts';
import type { LinkState } from '../api/ws-transport.ts';

interface ConnectionState {
  link: LinkState;
  /** Increments on every (re)connection so screens know to reload. */
  generation: number;
}

export const useConnection = create<ConnectionState>(() => ({ link: 'connecting', generation: 0 }));

connection.onState((link) => {
  useConnection.setState((s) => ({
    link,
    generation: link === 'open' ? s.generation + 1 : s.generation,
  }));
});
