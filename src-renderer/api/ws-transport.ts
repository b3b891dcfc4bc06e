import type { Transport } from '../../src-shared/api/client.ts';
import { AppError, RouterErrorCode } from '../../src-shared/api/errors.ts';
import type * as WireModule from '../../src-shared/api/wire.ts';
import type { Result } from '../../src-shared/api/wire.ts';

/** The wire module: its message schemas, protocol name and size limit. */
export type Wire = typeof WireModule;

export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'unauthorized';

export interface WsTransport extends Transport {
  onState(listener: (state: LinkState) => void): () => void;
}

const MIN_DELAY_MS = 300;
const MAX_DELAY_MS = 5000;

/**
 * The headless transport. The launch token arrives once in the URL fragment
 * (never sent to a server by the browser); it is traded for an HttpOnly
 * session cookie and wiped from the address bar. The socket reconnects with
 * backoff whenever it drops, and calls made while it is down fail fast.
 *
 * The wire module (every message received is parsed with its zod schemas) is loaded by
 * `loadWire`, and the socket opens once it is in: the caller decides when that is.
 */
export function wsTransport(
  location: Location,
  history: History,
  loadWire: () => Promise<Wire>,
): WsTransport {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const stateListeners = new Set<(state: LinkState) => void>();
  const pending = new Map<number, (result: Result) => void>();
  let socket: WebSocket | null = null;
  // Set before the first socket opens; everything that reads it runs on an open socket.
  let wire: Wire | null = null;
  // The launch key from the printed link leaves the address bar (history, screenshots) at once.
  let launchKey = new URLSearchParams(location.hash.slice(1)).get('token');
  if (launchKey) history.replaceState(null, '', location.pathname + location.search);
  let nextId = 1;
  let delay = MIN_DELAY_MS;
  let state: LinkState = 'connecting';

  const setState = (next: LinkState): void => {
    state = next;
    stateListeners.forEach((l) => l(next));
  };

  async function ensureSession(): Promise<'ok' | 'unauthorized' | 'down'> {
    try {
      if (launchKey) {
        const res = await fetch('/api/session', {
          method: 'POST',
          headers: { Authorization: `Bearer ${launchKey}` },
        });
        // Answered: kept only until the engine has seen it once (a retry after "down" still has it).
        launchKey = null;
        if (res.ok) return 'ok';
      }
      const check = await fetch('/api/session', { method: 'GET', cache: 'no-store' });
      return check.ok ? 'ok' : 'unauthorized';
    } catch {
      return 'down';
    }
  }

  async function connect(): Promise<void> {
    const [session, loaded] = await Promise.all([
      ensureSession(),
      wire ?? loadWire().catch(() => null),
    ]);
    if (session === 'unauthorized') return setState('unauthorized');
    // A chunk that failed to load (the engine restarting, say) is asked for again, like the engine.
    if (session === 'down' || !loaded) return retryLater();
    wire = loaded;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const { ServerMessageSchema, MESSAGE_TOO_BIG_CLOSE } = loaded;
    const ws = new WebSocket(`${scheme}//${location.host}/api`, [loaded.WS_PROTOCOL]);
    socket = ws;
    ws.onopen = () => {
      delay = MIN_DELAY_MS;
      setState('open');
    };
    ws.onmessage = (message) => {
      const parsed = ServerMessageSchema.safeParse(JSON.parse(String(message.data)));
      if (!parsed.success) return;
      const data = parsed.data;
      if (data.type === 'result') {
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      } else {
        listeners.forEach((l) => l(data.event, data.payload));
      }
    };
    ws.onclose = (event) => {
      socket = null;
      const lost = (
        event.code === MESSAGE_TOO_BIG_CLOSE
          ? new AppError('message_too_large', 'Dropline refused a message that was too large.')
          : new AppError(RouterErrorCode.unavailable, 'The connection to Dropline was lost.', true)
      ).toJSON();
      pending.forEach((settle) => settle({ ok: false, error: lost }));
      pending.clear();
      retryLater();
    };
  }

  function retryLater(): void {
    if (state !== 'connecting') setState('reconnecting');
    setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }

  void connect();
  // A new link pasted into this tab only changes the fragment: no reload, so pick its key up here.
  globalThis.addEventListener?.('hashchange', () => {
    const key = new URLSearchParams(location.hash.slice(1)).get('token');
    if (!key) return;
    launchKey = key;
    history.replaceState(null, '', location.pathname + location.search);
    if (state === 'unauthorized') void connect();
  });

  return {
    call(method, input) {
      if (!socket || socket.readyState !== WebSocket.OPEN || !wire) {
        const error =
          state === 'unauthorized'
            ? new AppError(
                RouterErrorCode.unavailable,
                'This browser is not signed in to Dropline: open a new link from `dropline ui`.',
                false,
              )
            : new AppError(
                RouterErrorCode.unavailable,
                'Dropline is not connected; retrying shortly.',
                true,
              );
        return Promise.resolve({ ok: false, error: error.toJSON() });
      }
      const id = nextId++;
      const open = socket;
      const text = JSON.stringify({ type: 'call', id, method, input });
      // UTF-8 length: what the engine's limit counts.
      const bytes = new TextEncoder().encode(text).length;
      if (bytes > wire.MAX_MESSAGE_BYTES)
        return Promise.resolve({ ok: false, error: wire.messageTooLarge(method, bytes).toJSON() });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        open.send(text);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}
