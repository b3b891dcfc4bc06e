import { AeadError, KEY_BYTES, openBlob, sealBlob } from './aead.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

/** One `key_slots` row per provider id. */
export type KeyProviderId = 'keychain' | 'file' | 'safe_storage' | 'passphrase';

/**
 * Something that can keep the vault's data key safe: it wraps the data key
 * for storage in its slot and unwraps it again. Every method is synchronous
 * because the SecretStore is, and every failure is a VaultError.
 */
export interface KeyProvider {
  readonly id: KeyProviderId;
  /** For messages: "the OS keychain (Secret Service)", "the key file /etc/dropline.key". */
  readonly label: string;
  /** May create the provider's own key-encryption key (keychain). */
  wrap(dataKey: Buffer): Buffer;
  /** Throws `unavailable` when the provider cannot be used, `wrongKey` when its key does not fit. */
  unwrap(wrapped: Buffer): Buffer;
  /** Throws the VaultError that would stop this provider now; reads, never creates a key. */
  probe?(): void;
  /**
   * Whether a key of this provider exists for this data folder outside the
   * database (a keychain entry): evidence that a vault was created here. False when unknown.
   */
  holdsKey?(): boolean;
}

/** Wrapping under a 32-byte key-encryption key, shared by the keychain and key-file providers. */
export function wrapWithKek(kek: Buffer, dataKey: Buffer, id: KeyProviderId): Buffer {
  return sealBlob(kek, dataKey, ['key-slot', id]);
}

export function unwrapWithKek(
  kek: Buffer,
  wrapped: Buffer,
  provider: { id: KeyProviderId; label: string },
  wrongKeyHint: string,
): Buffer {
  let dataKey: Buffer;
  try {
    dataKey = openBlob(kek, wrapped, ['key-slot', provider.id]);
  } catch (err) {
    if (err instanceof AeadError && err.failure === 'authentication') {
      throw new VaultError(
        VaultErrorReason.wrongKey,
        `${capitalize(provider.label)} does not open this vault: its key is not the one the vault was created with. ${wrongKeyHint}`,
      );
    }
    throw new VaultError(
      VaultErrorReason.corrupt,
      `The ${provider.id} key slot is damaged (${(err as Error).message}).`,
    );
  }
  if (dataKey.length !== KEY_BYTES) {
    throw new VaultError(
      VaultErrorReason.corrupt,
      `The ${provider.id} key slot holds no data key.`,
    );
  }
  return dataKey;
}

/** A provider that can never be used, carrying the reason (e.g. `file` without a path). */
export function refusingProvider(id: KeyProviderId, label: string, error: VaultError): KeyProvider {
  return {
    id,
    label,
    wrap() {
      throw error;
    },
    unwrap() {
      throw error;
    },
    probe() {
      throw error;
    },
  };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
