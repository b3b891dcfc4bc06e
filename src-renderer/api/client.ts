import { createApiClient, type ApiClient } from '../../src-shared/api/client.ts';
import { ipcTransport } from './ipc-transport.ts';
import { wsTransport, type LinkState } from './ws-transport.ts';

export interface Connection {
  api: ApiClient;
  /** Desktop IPC never drops; the headless socket reports its state. */
  onState(listener: (state: LinkState) => void): () => void;
}

/** Builds the one api client from whichever transport this window has. */
export function connect(): Connection {
  if (window.dropline) {
    const api = createApiClient(ipcTransport(window.dropline));
    return { api, onState: (listener) => (listener('open'), () => undefined) };
  }
  const transport = wsTransport(window.location, window.history);
  return { api: createApiClient(transport), onState: (listener) => transport.onState(listener) };
}

export const connection = connect();
export const api = connection.api;
