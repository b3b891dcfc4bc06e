import type { HandlerMap } from '../rpc/router.ts';
import type { CookieServices } from './create-cookies.ts';

type CookieMethod =
  'cookies.import' | 'cookies.list' | 'cookies.check' | 'cookies.remove' | 'cookies.deleteSource';

/** The `cookies.*` methods, spread into the handler map. */
export function cookieHandlers(cookies: CookieServices['cookies']): Pick<HandlerMap, CookieMethod> {
  return {
    'cookies.import': (input) => cookies.import(input),
    'cookies.list': () => cookies.list(),
    'cookies.check': ({ label }) => cookies.check(label),
    'cookies.remove': ({ label }) => cookies.remove(label),
    'cookies.deleteSource': ({ versionId }) => cookies.deleteSource(versionId),
  };
}
