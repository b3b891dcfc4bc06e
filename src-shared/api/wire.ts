// zod/mini: the renderer's WebSocket transport parses every message with these.
import * as z from 'zod/mini';
import { AppErrorSchema } from '../domain/app-error.ts';
import { formatBytes, inputLimits } from '../domain/input-limits.ts';
import { AppError } from './errors.ts';

/**
 * Messages on the WebSocket transport. Electron IPC carries the same
 * call/result pairs through ipcRenderer.invoke, so only events differ.
 */
export const CallMessageSchema = z.object({
  type: z.literal('call'),
  id: z.int().check(z.nonnegative()),
  method: z.string(),
  input: z.unknown(),
});
export type CallMessage = z.infer<typeof CallMessageSchema>;

export const ResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);
export type Result = z.infer<typeof ResultSchema>;

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number(), result: ResultSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** WebSocket subprotocol carrying the bearer token (browsers cannot set headers). */
export const WS_PROTOCOL = 'dropline.v1';
export const WS_TOKEN_PROTOCOL_PREFIX = 'dropline.token.';

/** The most one WebSocket message may carry; the engine closes a socket that sends more (1009). */
export const MAX_MESSAGE_BYTES = inputLimits.apiMessageBytes;
/** The close code a WebSocket peer sends for a message over its limit (RFC 6455). */
export const MESSAGE_TOO_BIG_CLOSE = 1009;

/** Said before sending a call too large for one message, instead of losing the connection. */
export function messageTooLarge(method: string, bytes: number): AppError {
  return new AppError(
    'message_too_large',
    `${method}: this request is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_MESSAGE_BYTES)} the engine takes at once; nothing was sent. Check that the file is the right one.`,
    false,
  );
}
