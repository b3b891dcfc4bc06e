import type { HandlerMap } from '../rpc/router.ts';
import type { WatchRepository } from '../watch/watch-repository.ts';
import { listFolder } from './file-browser.ts';
import { findDropped } from './find-dropped.ts';
import type { LastFolder } from './last-folder.ts';

/** The file browser, the last-used folder and dropped-name matching of a browser tab. */
export function fileHandlers(
  watch: WatchRepository,
  last: LastFolder,
): Pick<HandlerMap, 'files.list' | 'files.findDropped' | 'files.rememberFolder'> {
  return {
    'files.list': ({ path }) => listFolder(path),
    'files.findDropped': ({ names, folders }) => findDropped(watch, names, folders, last.get()),
    'files.rememberFolder': ({ path }) => ({ folder: last.remember(path) }),
  };
}
