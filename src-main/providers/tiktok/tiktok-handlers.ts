import type { HandlerMap } from '../../rpc/router.ts';
import type { TikTokServices } from './create-tiktok.ts';

type TikTokMethod =
  | 'tiktok.app.get'
  | 'tiktok.app.set'
  | 'tiktok.accounts.list'
  | 'tiktok.connect'
  | 'tiktok.connectResult'
  | 'tiktok.disconnect'
  | 'tiktok.check'
  | 'tiktok.creatorInfo';

/** The TikTok methods, spread into the handler map. */
export function tiktokHandlers(s: TikTokServices): Pick<HandlerMap, TikTokMethod> {
  return {
    'tiktok.app.get': () => s.app.get(),
    'tiktok.app.set': (input) => {
      const view = s.app.set(input);
      return view;
    },
    'tiktok.accounts.list': () => s.accounts.list(),
    'tiktok.connect': (input) => s.accounts.connect(input),
    'tiktok.connectResult': ({ flowId }) => s.accounts.result(flowId),
    'tiktok.disconnect': ({ openId }) => s.accounts.disconnect(openId),
    'tiktok.check': ({ openId }) => s.accounts.check(openId),
    'tiktok.creatorInfo': async ({ openId }) => {
      await s.accounts.creatorInfo(openId);
      return s.accounts.get(openId);
    },
  };
}
