// zod/mini: the renderer loads this file (see metadata.ts).
import * as z from 'zod/mini';

/**
 * The only error shape that crosses the API boundary (IPC, WebSocket, CLI).
 * `retryable` tells the UI whether offering "try again" makes sense.
 */
export const AppErrorSchema = z.object({
  code: z.string().check(z.minLength(1)),
  message: z.string(),
  retryable: z.boolean(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;
