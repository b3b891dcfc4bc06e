import type { Transport } from '../../src-shared/api/client.ts';
import type { DroplineBridge } from './bridge.ts';

/** The desktop transport: calls and events through the preload bridge. */
export function ipcTransport(bridge: DroplineBridge): Transport {
  return {
    call: (method, input) => bridge.invoke(method, input),
    subscribe(listener) {
      const offs = bridge.events.map((event) =>
        bridge.on(event, (payload) => listener(event, payload)),
      );
      return () => offs.forEach((off) => off());
    },
  };
}
