import type { HandlerMap } from '../rpc/router.ts';
import type { CookieServices } from './create-cookies.ts';

type DownloadMethod =
  'downloads.start' | 'downloads.list' | 'downloads.cancel' | 'downloads.remove';

/** The `downloads.*` methods (yt-dlp with a stored cookie file), spread into the handler map. */
export function downloadHandlers(
  downloads: CookieServices['downloads'],
): Pick<HandlerMap, DownloadMethod> {
  return {
    'downloads.start': (input) => downloads.start(input),
    'downloads.list': () => downloads.list(),
    'downloads.cancel': ({ id }) => downloads.cancel(id),
    'downloads.remove': ({ id }) => downloads.remove(id),
  };
}
