import type { HandlerMap } from '../rpc/router.ts';
import type { UpdateService } from './update-service.ts';

/** The `updates.*` methods, spread into the handler map. */
export function updateHandlers(
  updates: UpdateService,
): Pick<HandlerMap, 'updates.status' | 'updates.check' | 'updates.install'> {
  return {
    'updates.status': () => updates.status(),
    'updates.check': () => updates.check(),
    'updates.install': ({ when }) => updates.install(when),
  };
}
