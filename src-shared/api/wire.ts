// zod/mini: the renderer's WebSocket transport parses every message with these.
import * as z from 'zod/mini';
import { AppErrorSchema } from '../domain/app-error.ts';

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
