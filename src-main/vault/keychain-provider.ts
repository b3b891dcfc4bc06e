import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Keyring from '@napi-rs/keyring';
import { KEY_BYTES } from './aead.ts';
import { capitalize, unwrapWithKek, wrapWithKek, type KeyProvider } from './key-provider.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

export const KEYCHAIN_SERVICE = 'Dropline';

/** The slice of `@napi-rs/keyring`'s Entry the provider uses; tests pass a fake. */
export interface KeychainEntryLike {
  getPassword(): string | null;
  setPassword(password: string): void;
  deletePassword(): boolean;
}
export type KeychainEntryFactory = (service: string, account: string) => KeychainEntryLike;

/**
 * The real keychain. On Linux the entry is pinned to the Secret Service: the
 * library's default falls back to the kernel keyring, which forgets every key
 * at reboot and would take all stored secrets with it.
 */
export function napiKeychain(
  platform: NodeJS.Platform = process.platform,
  load: () => Pick<typeof Keyring, 'Entry'> = loadKeyring,
): KeychainEntryFactory {
  return (service, account) => {
    const { Entry } = load();
    return platform === 'linux'
      ? new Entry(service, account, { linux: { store: 'secret-service' } })
      : new Entry(service, account);
  };
}

// Loaded on first use so engines that never store a secret do not need the native module.
function loadKeyring(): Pick<typeof Keyring, 'Entry'> {
  return createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring;
}

/** One key per data folder, so two Dropline data dirs never share a key. */
export function keychainAccount(dataDir: string): string {
  const dir = resolve(dataDir);
  const digest = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  return `vault-key ${digest} ${dir}`;
}

const HEADLESS_HINT =
  'On a server without a keychain, set DROPLINE_KEY_PROVIDER=file and DROPLINE_MASTER_KEY_FILE=/path/to/key (32 random bytes, mode 0600).';

/**
 * Keeps a random key-encryption key in the OS keychain (service "Dropline",
 * one account per data dir) and wraps the data key with it.
 */
export function keychainProvider(opts: {
  dataDir: string;
  entries?: KeychainEntryFactory;
  platform?: NodeJS.Platform;
}): KeyProvider {
  const platform = opts.platform ?? process.platform;
  const entries = opts.entries ?? napiKeychain(platform);
  const account = keychainAccount(opts.dataDir);
  const label = platform === 'linux' ? 'the OS keychain (Secret Service)' : 'the OS keychain';

  const call = <T>(what: string, fn: (entry: KeychainEntryLike) => T): T => {
    try {
      return fn(entries(KEYCHAIN_SERVICE, account));
    } catch (err) {
      throw new VaultError(
        VaultErrorReason.unavailable,
        `Dropline could not ${what} ${label}: ${(err as Error).message}. Make sure the keychain is running and unlocked. ${HEADLESS_HINT}`,
      );
    }
  };

  const readKek = (): Buffer | null => {
    const stored = call('read its key from', (e) => e.getPassword());
    if (stored === null) return null;
    const kek = Buffer.from(stored, 'base64');
    if (kek.length !== KEY_BYTES) {
      throw new VaultError(
        VaultErrorReason.corrupt,
        `The keychain entry "${KEYCHAIN_SERVICE}" / "${account}" is not a Dropline key (${kek.length} bytes instead of ${KEY_BYTES}).`,
      );
    }
    return kek;
  };

  const provider: KeyProvider = {
    id: 'keychain',
    label,
    wrap(dataKey) {
      let kek = readKek();
      if (!kek) {
        // Base64 text: every platform's keychain stores a password string faithfully.
        call('save a key in', (e) => e.setPassword(randomBytes(KEY_BYTES).toString('base64')));
        // Read it back so a store that silently drops entries is caught now, not after a reboot.
        kek = readKek();
        if (!kek) {
          throw new VaultError(
            VaultErrorReason.unavailable,
            `${capitalize(label)} accepted Dropline's key but does not return it. ${HEADLESS_HINT}`,
          );
        }
      }
      return wrapWithKek(kek, dataKey, 'keychain');
    },
    unwrap(wrapped) {
      const kek = readKek();
      if (!kek) {
        throw new VaultError(
          VaultErrorReason.wrongKey,
          `${capitalize(label)} has no Dropline key for this data folder (service "${KEYCHAIN_SERVICE}", account "${account}"): it was deleted, or the folder was copied from another user or machine. Restore the keychain entry; Dropline did not create a new key, so the stored secrets are untouched.`,
        );
      }
      return unwrapWithKek(
        kek,
        wrapped,
        provider,
        `The keychain entry "${account}" was replaced. Restore the original keychain entry; Dropline did not create a new key, so the stored secrets are untouched.`,
      );
    },
    probe() {
      // No entry yet is fine: wrap creates one. Only a keychain that cannot answer is a problem.
      readKek()?.fill(0);
    },
    holdsKey() {
      try {
        const kek = readKek();
        kek?.fill(0);
        return kek !== null;
      } catch {
        return false;
      }
    },
  };
  return provider;
}
