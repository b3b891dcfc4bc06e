import { events, type EventName, type Payload } from '../../src-shared/api/contract.ts';

export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * Services announce changes here; transports forward them. Payloads pass
 * through their schema, which drops any field the contract does not name,
 * so a stray secret on a service object can never reach a window.
 */
export class EventHub {
  readonly #listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: Payload<E>): void {
    const clean = events[event].parse(payload);
    for (const listener of [...this.#listeners]) {
      try {
        listener(event, clean);
      } catch {
        // One broken transport must not stop the others from hearing the event.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
