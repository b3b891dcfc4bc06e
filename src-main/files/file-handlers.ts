import type { HandlerMap } from '../rpc/router.ts';
import type { WatchRepository } from '../watch/watch-repository.ts';
import { listFolder } from './file-browser.ts';
import { findDropped } from './find-dropped.ts';

/** The file browser and dropped-name matching of a browser tab. */
export function fileHandlers(
  watch: WatchRepository,
): Pick<HandlerMap, 'files.list' | 'files.findDropped'> {
  return {
    'files.list': ({ path }) => listFolder(path),
    'files.findDropped': ({ names, folders }) => findDropped(watch, names, folders),
  };
}
