import type { AppErrorShape } from '../domain/app-error.ts';

/** Codes the transport and router themselves produce; services add their own. */
export const RouterErrorCode = {
  unknownMethod: 'unknown_method',
  invalidInput: 'invalid_input',
  internal: 'internal',
  unauthorized: 'unauthorized',
  unavailable: 'unavailable',
  /** The caller's socket or window went away while its call waited. */
  callerGone: 'caller_gone',
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
