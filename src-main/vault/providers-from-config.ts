import type { SafeStorageLike } from './safe-storage-like.ts';
import { keyFileProvider } from './key-file-provider.ts';
import { refusingProvider, type KeyProvider } from './key-provider.ts';
import { keychainProvider, type KeychainEntryFactory } from './keychain-provider.ts';
import { safeStorageProvider } from './safe-storage-provider.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

/** What protects the vault's data key (cli.md's DROPLINE_KEY_PROVIDER). */
export type KeyProviderName = 'keychain' | 'file';

/** The part of the engine's configuration that picks the key providers. */
export interface KeyProviderConfig {
  dataDir: string;
  /** Absent means `keychain`. */
  keyProvider?: KeyProviderName;
  /** With `file`: DROPLINE_MASTER_KEY_FILE, resolved. */
  masterKeyFile?: string | null;
}

export interface ProviderDeps {
  /** The desktop passes Electron's safeStorage; headless engines have none. */
  safeStorage?: SafeStorageLike;
  keychain?: KeychainEntryFactory;
  platform?: NodeJS.Platform;
}

/**
 * The key providers cli.md's DROPLINE_KEY_PROVIDER selects: `file` uses
 * DROPLINE_MASTER_KEY_FILE; `keychain` (the default) uses safeStorage on the
 * desktop and the OS keychain through @napi-rs/keyring headless. Building
 * them touches nothing: each reads its key only when the vault asks.
 */
export function keyProvidersFromConfig(
  config: KeyProviderConfig,
  deps: ProviderDeps = {},
): KeyProvider[] {
  if (config.keyProvider === 'file') {
    if (!config.masterKeyFile) {
      return [
        refusingProvider(
          'file',
          'a key file',
          new VaultError(
            VaultErrorReason.unavailable,
            'DROPLINE_KEY_PROVIDER=file needs DROPLINE_MASTER_KEY_FILE: the path of a file holding 32 random bytes (raw or base64), mode 0600.',
          ),
        ),
      ];
    }
    return [keyFileProvider(config.masterKeyFile, deps.platform)];
  }
  if (deps.safeStorage) return [safeStorageProvider(deps.safeStorage, deps.platform)];
  return [
    keychainProvider({ dataDir: config.dataDir, entries: deps.keychain, platform: deps.platform }),
  ];
}
