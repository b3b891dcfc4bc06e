import type { HandlerMap } from '../rpc/router.ts';
import type { ChannelExtras } from './channel-extras.ts';

export function channelExtraHandlers(
  extras: ChannelExtras,
): Pick<HandlerMap, 'channels.playlists' | 'channels.avatar'> {
  return {
    'channels.playlists': ({ channelId, refresh }) => extras.playlists(channelId, refresh),
    'channels.avatar': async ({ channelId }) => ({ dataUrl: await extras.avatar(channelId) }),
  };
}
