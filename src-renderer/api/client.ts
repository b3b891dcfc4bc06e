import { createApiClient, type ApiClient } from '../../src-shared/api/client.ts';
import { firstScreenShown } from '../boot/first-screen.ts';
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
  // The wire's zod schemas (about 16 KB gzip) load once the first screen is in, and the socket
  // opens then; the session is already being checked meanwhile.
  const transport = wsTransport(window.location, window.history, () =>
    firstScreenShown.then(() => import('../../src-shared/api/wire.ts')),
  );
  return { api: createApiClient(transport), onState: (listener) => transport.onState(listener) };
}

export const connection = connect();
export const api = connection.api;
