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

/** A typed client over any transport; errors come back as AppError. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async invoke(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) throw AppError.from(result.error);
      return result.output as never;
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
