import { z } from 'zod';

/**
 * The only error shape that crosses the API boundary (IPC, WebSocket, CLI).
 * `retryable` tells the UI whether offering "try again" makes sense.
 */
export const AppErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  retryable: z.boolean(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;
