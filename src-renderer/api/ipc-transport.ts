import type { Transport } from '../../src-shared/api/client.ts';
import type { DroplineBridge } from '../../src-shared/api/desktop.ts';

/** The desktop transport: calls and the one event subscription of the preload bridge. */
export function ipcTransport(bridge: DroplineBridge<never>): Transport {
  return {
    call: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
