import type { HandlerMap } from '../rpc/router.ts';
import type { DropService } from './drop-service.ts';
import type { WatchService } from './watch-service.ts';

type FolderMethod =
  | 'folders.list'
  | 'folders.add'
  | 'folders.update'
  | 'folders.remove'
  | 'folders.items'
  | 'folders.resolveOffer'
  | 'folders.chooseThumbnail'
  | 'folders.retry'
  | 'folders.uploadAgain'
  | 'drops.queue';

/** The watched-folder methods and dropped videos, spread into the handler map. */
export function folderHandlers(
  watch: WatchService,
  drops: DropService,
): Pick<HandlerMap, FolderMethod> {
  return {
    'folders.list': () => watch.list(),
    'folders.add': (input) => watch.add(input),
    'folders.update': (input) => watch.update(input),
    'folders.remove': (input) => watch.remove(input),
    'folders.items': ({ folderId }) => watch.items(folderId),
    'folders.resolveOffer': ({ folderId, choice }) => watch.resolveOffer(folderId, choice),
    'folders.chooseThumbnail': ({ itemId, image }) => watch.chooseThumbnail(itemId, image),
    'folders.retry': ({ itemId }) => watch.retry(itemId),
    'folders.uploadAgain': ({ itemId }) => watch.uploadAgain(itemId),
    'drops.queue': ({ items }) => drops.queue(items),
  };
}
