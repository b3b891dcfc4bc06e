import { AppError } from './errors.ts';
import type { EventName, Input, Method, Output, Payload } from './contract.ts';
import type { Result } from './wire.ts';

/** What a transport must provide: raw calls and raw events. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface ApiClient {
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(event: E, listener: (payload: Payload<E>) => void): () => void;
}

type PayloadListener = (payload: never) => void;

/**
 * A typed client over any transport; errors come back as AppError. It holds
 * one transport subscription while anyone listens, and hands each event only
 * to the listeners of its name.
 */
export function createApiClient(transport: Transport): ApiClient {
  const byEvent = new Map<string, Set<PayloadListener>>();
  let unsubscribe: (() => void) | null = null;

  const dispatch = (event: string, payload: unknown): void => {
    for (const listener of [...(byEvent.get(event) ?? [])]) {
      try {
        listener(payload as never);
      } catch (error) {
        // One broken screen must not keep the event from the others; the error is still reported.
        void Promise.reject(error);
      }
    }
  };

  return {
    async invoke(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) throw AppError.from(result.error);
      return result.output as never;
    },
    on(event, listener) {
      const entry = listener as PayloadListener;
      const set = byEvent.get(event) ?? new Set();
      byEvent.set(event, set.add(entry));
      unsubscribe ??= transport.subscribe(dispatch);
      return () => {
        if (!set.delete(entry)) return;
        if (set.size === 0) byEvent.delete(event);
        if (byEvent.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}
