import type { z } from 'zod';
import {
  isMethod,
  methods,
  type Method,
  type Output,
  type ParsedInput,
} from '../../src-shared/api/contract.ts';
import { AppError, RouterErrorCode, isAppError } from '../../src-shared/api/errors.ts';
import type { Result } from '../../src-shared/api/wire.ts';
import type { Logger } from '../logging/logger.ts';
import { redactString } from '../logging/redact.ts';
import { quoted } from '../../src-shared/text/quote.ts';

/** Who is calling: the desktop window, a browser tab, or the CLI. */
export interface CallContext {
  transport: 'ipc' | 'websocket' | 'memory';
  /**
   * Aborted when the caller is gone (its socket closed, its window destroyed):
   * a handler that waits (a sign-in's outcome) stops waiting then.
   */
  signal: AbortSignal;
}

/**
 * What a transport hands the router. In-process callers (memory transport,
 * tests) live as long as the core and may leave the signal out.
 */
export type CallerContext = Omit<CallContext, 'signal'> & { signal?: AbortSignal };

// Never aborted: the signal of a caller that lives as long as the core.
const forever = new AbortController().signal;

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: CallContext,
) => Output<M> | Promise<Output<M>>;

/** One handler per method: adding a method to the contract without one does not compile. */
export type HandlerMap = { [M in Method]: Handler<M> };

export interface Router {
  dispatch(method: string, input: unknown, ctx: CallerContext): Promise<Result>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/**
 * `describe` turns a known kind of failure (a full disk, a damaged database)
 * into an AppError that says what to do; anything else is `internal`.
 */
export function createRouter(
  handlers: HandlerMap,
  log: Logger,
  describe: (error: unknown) => AppError | null = () => null,
): Router {
  return {
    async dispatch(name, rawInput, caller) {
      const ctx: CallContext = { ...caller, signal: caller.signal ?? forever };
      if (!isMethod(name)) {
        return fail(
          new AppError(
            RouterErrorCode.unknownMethod,
            `Unknown method ${quoted(String(name), 80)}.`,
          ),
        );
      }
      const spec = methods[name];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return fail(
          new AppError(
            RouterErrorCode.invalidInput,
            `Invalid input for ${name}: ${describeIssues(parsed.error)}`,
          ),
        );
      }
      try {
        const handler = handlers[name] as Handler<Method>;
        const output = await handler(parsed.data as never, ctx);
        // Outputs pass their schema too: unknown fields (never a secret) are dropped.
        return { ok: true, output: spec.output.parse(output) };
      } catch (error) {
        if (isAppError(error)) return fail(error);
        log.error('handler failed', { method: name, error });
        const known = describe(error);
        if (known) return fail(known);
        const message = error instanceof Error ? redactString(error.message) : 'unknown error';
        return fail(new AppError(RouterErrorCode.internal, `${name} failed: ${message}`, false));
      }
    },
  };
}

function fail(error: AppError): Result {
  return { ok: false, error: error.toJSON() };
}
