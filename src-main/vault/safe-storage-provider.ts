import type { SafeStorageLike } from './safe-storage-like.ts';
import { KEY_BYTES } from './aead.ts';
import type { KeyProvider } from './key-provider.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

// Backends that do not protect anything: `basic_text` encrypts with a password
// hard-coded in Chromium, and `unknown` means we cannot tell.
const UNSAFE_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet) wraps the data
 * key on the desktop. Depends only on the structural SafeStorageLike so it is
 * tested without Electron; safeStorage is usable only after `app.whenReady()`.
 */
export function safeStorageProvider(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): KeyProvider {
  const label = 'Electron safeStorage (the OS keychain)';

  const check = (): void => {
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (UNSAFE_LINUX_BACKENDS.has(backend)) {
        throw new VaultError(
          VaultErrorReason.passphraseRequired,
          backend === 'basic_text'
            ? 'This Linux desktop has no keyring that Dropline can use (Electron reports the "basic_text" backend, which encrypts with a password built into Chromium, so anyone who copies your files could read your secrets). Set a passphrase for Dropline\'s vault instead, or install and unlock GNOME Keyring or KWallet and restart Dropline.'
            : `Dropline cannot tell which keyring Electron uses on this Linux desktop (backend "${backend}"), so it cannot trust it with your secrets. Set a passphrase for Dropline's vault instead (Settings → Security).`,
        );
      }
    }
    if (!safeStorage.isEncryptionAvailable()) {
      throw new VaultError(
        VaultErrorReason.unavailable,
        `${label} is not available on this system. Set a passphrase for Dropline's vault instead (Settings → Security).`,
      );
    }
  };

  return {
    id: 'safe_storage',
    label,
    wrap(dataKey) {
      check();
      try {
        return safeStorage.encryptString(dataKey.toString('base64'));
      } catch (err) {
        throw new VaultError(
          VaultErrorReason.unavailable,
          `${label} could not protect the vault key: ${(err as Error).message}.`,
        );
      }
    },
    unwrap(wrapped) {
      check();
      let text: string;
      try {
        text = safeStorage.decryptString(wrapped);
      } catch (err) {
        throw new VaultError(
          VaultErrorReason.wrongKey,
          `${label} cannot open this vault's key (${(err as Error).message}): the keychain entry was reset, or the data folder comes from another user or machine. Restore the keychain, or unlock with your vault passphrase if you set one. Dropline did not create a new key, so the stored secrets are untouched.`,
        );
      }
      const key = Buffer.from(text, 'base64');
      if (key.length !== KEY_BYTES) {
        throw new VaultError(
          VaultErrorReason.corrupt,
          'The safe_storage key slot holds no data key.',
        );
      }
      return key;
    },
    probe: check,
  };
}
