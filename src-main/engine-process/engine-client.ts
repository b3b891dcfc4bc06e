import WebSocket from 'ws';
import { createApiClient, type ApiClient, type Transport } from '../../src-shared/api/client.ts';
import { AppError, RouterErrorCode } from '../../src-shared/api/errors.ts';
import {
  MAX_MESSAGE_BYTES,
  MESSAGE_TOO_BIG_CLOSE,
  ServerMessageSchema,
  WS_PROTOCOL,
  messageTooLarge,
  type Result,
} from '../../src-shared/api/wire.ts';

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
  socket.on('close', (code) => {
    const lost =
      code === MESSAGE_TOO_BIG_CLOSE
        ? new AppError(
            'message_too_large',
            `The engine refused a message over ${MAX_MESSAGE_BYTES / 1024 / 1024} MB and closed the connection.`,
          )
        : new AppError(RouterErrorCode.unavailable, 'The connection to the engine was lost.', true);
    for (const settle of pending.values()) settle({ ok: false, error: lost.toJSON() });
    pending.clear();
  });
  const transport: Transport = {
    call(method, input) {
      const id = nextId++;
      const text = JSON.stringify({ type: 'call', id, method, input });
      const bytes = Buffer.byteLength(text);
      if (bytes > MAX_MESSAGE_BYTES)
        return Promise.resolve({ ok: false, error: messageTooLarge(method, bytes).toJSON() });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(text);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api: createApiClient(transport), transport, close: () => socket.close() };
}
