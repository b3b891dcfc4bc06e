import type { HandlerMap } from '../rpc/router.ts';
import type { SettingsService } from './settings-service.ts';

/** The `settings.*` methods, spread into the handler map. */
export function settingsHandlers(
  settings: SettingsService,
): Pick<HandlerMap, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };
}
