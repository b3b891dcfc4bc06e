import type { HandlerMap } from '../rpc/router.ts';
import type { Notices } from './notices.ts';

/** The `notices.*` methods, spread into the handler map. */
export function noticeHandlers(n: Notices): Pick<HandlerMap, 'notices.list' | 'notices.markRead'> {
  return {
    'notices.list': ({ unreadOnly, limit }) => n.list({ unreadOnly, limit }),
    'notices.markRead': (input) => n.markRead('all' in input ? 'all' : input.ids),
  };
}
