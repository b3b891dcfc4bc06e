import type { HandlerMap } from '../rpc/router.ts';
import type { ChannelServices } from './create-channel-services.ts';

type ChannelMethod =
  | 'channels.list'
  | 'channels.connect'
  | 'channels.connectResult'
  | 'channels.cancelConnect'
  | 'channels.disconnect'
  | 'channels.audit'
  | 'channels.stats'
  | 'channels.check'
  | 'client.get'
  | 'client.set';

/** The channel and OAuth-client methods, spread into the handler map. */
export function channelHandlers(s: ChannelServices): Pick<HandlerMap, ChannelMethod> {
  return {
    'channels.list': () => s.channels.list(),
    'channels.connect': (input) => s.connect.start(input),
    'channels.connectResult': ({ flowId }, ctx) => s.connect.result(flowId, ctx.signal),
    'channels.cancelConnect': ({ flowId }) => ({ cancelled: s.connect.cancel(flowId) }),
    'channels.disconnect': ({ channelId }) => s.channels.disconnect(channelId),
    'channels.audit': ({ channelId, limit }) => s.channels.audit(channelId, limit),
    'channels.stats': () => s.channels.stats(),
    'channels.check': ({ channelId }) => {
      if (channelId !== undefined) s.channels.get(channelId); // unknown_channel, named
      return s.health.checkNow(channelId);
    },
    'client.get': () => s.clients.get(),
    'client.set': (input) => s.clients.set(input),
  };
}
