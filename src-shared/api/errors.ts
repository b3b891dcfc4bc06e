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

/** Codes the transport and router themselves produce; services add their own. */
export const RouterErrorCode = {
  unknownMethod: 'unknown_method',
  invalidInput: 'invalid_input',
  internal: 'internal',
  unauthorized: 'unauthorized',
  unavailable: 'unavailable',
} as const;

export class AppError extends Error {
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, retryable = false) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.retryable = retryable;
  }

  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.retryable);
  }

  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
