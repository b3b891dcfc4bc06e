import type { HandlerMap } from '../rpc/router.ts';
import type { CoreConfig } from './config.ts';
import type { Services } from './create-core.ts';
import { channelHandlers } from '../tokens/channel-handlers.ts';

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
    'cookies.import': (input) => services.cookies.import(input),
    'cookies.list': () => services.cookies.list(),
    'cookies.check': ({ label }) => services.cookies.check(label),
    'cookies.remove': ({ label }) => services.cookies.remove(label),
    'cookies.deleteSource': ({ versionId }) => services.cookies.deleteSource(versionId),
    'downloads.start': (input) => services.downloads.start(input),
    'downloads.list': () => services.downloads.list(),
    'downloads.cancel': ({ id }) => services.downloads.cancel(id),
  };
}
