import WebSocket from 'ws';
import { createApiClient, type ApiClient, type Transport } from '../../src-shared/api/client.ts';
import { AppError, RouterErrorCode } from '../../src-shared/api/errors.ts';
import { ServerMessageSchema, WS_PROTOCOL, type Result } from '../../src-shared/api/wire.ts';

export interface EngineConnection {
  api: ApiClient;
  transport: Transport;
  close(): void;
}

/** A Node client of a running engine (the CLI, tests): bearer token in the header. */
export async function connectToEngine(url: string, token: string): Promise<EngineConnection> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api`, [WS_PROTOCOL], {
    headers: { Authorization: `Bearer ${token}` },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) =>
      reject(
        new AppError(
          RouterErrorCode.unauthorized,
          `The engine refused the connection (HTTP ${res.statusCode}).`,
        ),
      ),
    );
  });
  let nextId = 1;
  const pending = new Map<number, (result: Result) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  socket.on('message', (data) => {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(String(data)));
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      for (const listener of listeners) listener(message.event, message.payload);
    }
  });
  socket.on('close', () => {
    const lost = new AppError(
      RouterErrorCode.unavailable,
      'The connection to the engine was lost.',
      true,
    );
    for (const settle of pending.values()) settle({ ok: false, error: lost.toJSON() });
    pending.clear();
  });
  const transport: Transport = {
    call(method, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api: createApiClient(transport), transport, close: () => socket.close() };
}
