import type { z } from 'zod';

/**
 * Any zod schema, classic or mini (both build on zod's core): the files the
 * renderer loads use zod/mini. Parse them with `z.parse`/`z.safeParse`.
 */
export type AnySchema = z.core.$ZodType;

export interface MethodSpec<I extends AnySchema = AnySchema, O extends AnySchema = AnySchema> {
  input: I;
  output: O;
  /** One line for `--help` and API docs. */
  summary: string;
}

export function method<I extends AnySchema, O extends AnySchema>(
  input: I,
  output: O,
  summary: string,
): MethodSpec<I, O> {
  return { input, output, summary };
}
