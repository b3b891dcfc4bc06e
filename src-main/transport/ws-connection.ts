import type { WebSocket } from 'ws';
import { CallMessageSchema, type ServerMessage } from '../../src-shared/api/wire.ts';
import { AppError, RouterErrorCode } from '../../src-shared/api/errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { Router } from '../rpc/router.ts';
import { EventOutbox, type OutboxLimits } from './event-outbox.ts';

/**
 * One authenticated socket: calls go to the router, every event comes back
 * out, through an outbox that holds them back (progress coalesced) while the
 * client reads slowly.
 */
export function attachConnection(
  socket: WebSocket,
  router: Router,
  events: EventHub,
  log: Logger,
  limits: OutboxLimits = {},
): void {
  const outbox = new EventOutbox(socket, limits);
  const send = (message: ServerMessage & { type: 'result' }): void =>
    outbox.pushResult(JSON.stringify(message));
  const unsubscribe = events.subscribe((event, payload) =>
    outbox.pushEvent(event, payload, JSON.stringify({ type: 'event', event, payload })),
  );
  // Aborted when the socket goes: calls still waiting (a sign-in's outcome) stop waiting.
  const lifetime = new AbortController();
  const end = (): void => {
    unsubscribe();
    lifetime.abort();
  };
  socket.on('close', end);
  socket.on('error', (error) => {
    // Garbage frames, oversized messages: ws closes the socket; the engine goes on.
    log.debug('websocket closed on error', { error: error.message });
    end();
  });
  socket.on('message', (data, isBinary) => {
    let call;
    try {
      call = isBinary ? null : CallMessageSchema.safeParse(JSON.parse(String(data)));
    } catch {
      call = null;
    }
    if (!call?.success) {
      const error = new AppError(
        RouterErrorCode.invalidInput,
        'Malformed message: expected {type:"call", id, method, input}.',
      );
      send({ type: 'result', id: -1, result: { ok: false, error: error.toJSON() } });
      return;
    }
    const { id, method, input } = call.data;
    router
      .dispatch(method, input, { transport: 'websocket', signal: lifetime.signal })
      .then((result) => send({ type: 'result', id, result }))
      .catch((error: unknown) => {
        log.error('answering a call failed', { method, error });
        const failed = new AppError(RouterErrorCode.internal, `${method} failed.`);
        send({ type: 'result', id, result: { ok: false, error: failed.toJSON() } });
      });
  });
}
