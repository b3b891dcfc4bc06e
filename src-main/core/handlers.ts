import type { HandlerMap } from '../rpc/router.ts';
import type { CoreConfig } from './config.ts';
import type { Services } from './create-core.ts';
import { channelHandlers } from '../channels/channel-handlers.ts';
import { uploadHandlers } from '../uploads/upload-handlers.ts';
import { vaultHandlers } from '../vault/vault-handlers.ts';
import { publishingHandlers } from '../publishing/publishing-handlers.ts';
import { noticeHandlers } from '../notices/notice-handlers.ts';
import { jobEditHandlers } from '../uploads/job-edit-handlers.ts';
import { fileHandlers } from '../files/file-handlers.ts';
import { channelExtraHandlers } from '../youtube/channel-extra-handlers.ts';

/** Maps every contract method onto a service call. */
export function createHandlers(config: CoreConfig, services: Services): HandlerMap {
  return {
    'app.info': () => ({
      name: 'Dropline',
      version: config.version,
      dataDir: config.dataDir,
      mode: config.mode,
      googleBaseUrl: config.googleBaseUrl,
    }),
    'settings.get': () => services.settings.get(),
    'settings.set': (patch) => services.settings.set(patch),
    ...channelHandlers(services.channels),
    ...uploadHandlers(services.uploads),
    'folders.list': () => services.watch.list(),
    'folders.add': (input) => services.watch.add(input),
    'folders.update': (input) => services.watch.update(input),
    'folders.remove': (input) => services.watch.remove(input),
    'folders.items': ({ folderId }) => services.watch.items(folderId),
    'folders.resolveOffer': ({ folderId, choice }) => services.watch.resolveOffer(folderId, choice),
    'folders.chooseThumbnail': ({ itemId, image }) => services.watch.chooseThumbnail(itemId, image),
    'folders.retry': ({ itemId }) => services.watch.retry(itemId),
    'folders.uploadAgain': ({ itemId }) => services.watch.uploadAgain(itemId),
    'drops.queue': ({ items }) => services.drops.queue(items),
    'cookies.import': (input) => services.cookies.import(input),
    'cookies.list': () => services.cookies.list(),
    'cookies.check': ({ label }) => services.cookies.check(label),
    'cookies.remove': ({ label }) => services.cookies.remove(label),
    'cookies.deleteSource': ({ versionId }) => services.cookies.deleteSource(versionId),
    'downloads.start': (input) => services.downloads.start(input),
    'downloads.list': () => services.downloads.list(),
    'downloads.cancel': ({ id }) => services.downloads.cancel(id),
    ...vaultHandlers(services.security),
    ...publishingHandlers(services),
    ...noticeHandlers(services.notices),
    'updates.status': () => services.updates.status(),
    'updates.check': () => services.updates.check(),
    'updates.install': ({ when }) => services.updates.install(when),
    'tools.status': () => services.tools.status(),
    ...jobEditHandlers(services.uploads, services.jobEditor),
    ...fileHandlers(services.watchRepo),
    ...channelExtraHandlers(services.channelExtras),
    'ui.newLink': () => services.uiLinks.issue(),
  };
}
