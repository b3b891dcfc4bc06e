import type { HandlerMap } from '../rpc/router.ts';
import type { CoreConfig } from './config.ts';
import type { Services } from './create-core.ts';
import { uploadHandlers } from '../uploads/upload-handlers.ts';

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
    ...uploadHandlers(services),
  };
}
