import type { Transport } from '../../src-shared/api/client.ts';
import type { EventHub } from './event-hub.ts';
import type { Router } from './router.ts';

/**
 * The contract without a wire: same router, same events. Payloads still go
 * through a JSON round trip so anything a real transport would lose is lost here too.
 */
export function memoryTransport(router: Router, events: EventHub): Transport {
  const roundTrip = <T>(value: T): T =>
    value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
  return {
    async call(method, input) {
      return roundTrip(await router.dispatch(method, roundTrip(input), { transport: 'memory' }));
    },
    subscribe(listener) {
      return events.subscribe((event, payload) => listener(event, roundTrip(payload)));
    },
  };
}
