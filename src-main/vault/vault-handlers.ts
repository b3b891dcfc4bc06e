import type { HandlerMap } from '../rpc/router.ts';
import type { VaultService } from './vault-service.ts';

type VaultMethod =
  'vault.status' | 'vault.setPassphrase' | 'vault.unlock' | 'vault.removePassphrase';

/** The vault methods, spread into the handler map. */
export function vaultHandlers(s: VaultService): Pick<HandlerMap, VaultMethod> {
  return {
    'vault.status': () => s.status(),
    'vault.setPassphrase': ({ passphrase }) => s.setPassphrase(passphrase),
    'vault.unlock': ({ passphrase }) => s.unlock(passphrase),
    'vault.removePassphrase': () => s.removePassphrase(),
  };
}
