import { randomBytes, scryptSync } from 'node:crypto';
import { MIN_VAULT_PASSPHRASE } from '../../src-shared/api/vault.ts';
import { AeadError, KEY_BYTES, openBlob, sealBlob } from './aead.ts';
import type { KeyProvider } from './key-provider.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

/** scrypt cost: N = 2^logN, r, p. Stored in the slot so it can be raised later. */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

// N = 2^17, r = 8 (128 MiB, a fraction of a second): OWASP's recommended minimum for scrypt.
export const DEFAULT_SCRYPT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };
const SLOT_VERSION = 1;
const SALT_BYTES = 16;
const HEADER_BYTES = 4 + SALT_BYTES;

/**
 * A passphrase the user types (Linux desktops without a real keyring). The
 * slot keeps the random salt and the cost; the passphrase itself is never stored.
 */
export function passphraseProvider(
  passphrase: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): KeyProvider {
  const label = 'the vault passphrase';
  return {
    id: 'passphrase',
    label,
    wrap(dataKey) {
      // The one minimum (UI, CLI and engine), in characters as a person counts them.
      if ([...passphrase].length < MIN_VAULT_PASSPHRASE) {
        throw new VaultError(
          VaultErrorReason.invalid,
          `The vault passphrase must have at least ${MIN_VAULT_PASSPHRASE} characters.`,
        );
      }
      const salt = randomBytes(SALT_BYTES);
      const header = Buffer.concat([Buffer.of(SLOT_VERSION, cost.logN, cost.r, cost.p), salt]);
      const kek = derive(passphrase, salt, cost);
      return Buffer.concat([header, sealBlob(kek, dataKey, context(header))]);
    },
    unwrap(wrapped) {
      const { header, cost: stored, salt } = parseHeader(wrapped);
      const kek = derive(passphrase, salt, stored);
      try {
        const key = openBlob(kek, wrapped.subarray(HEADER_BYTES), context(header));
        if (key.length === KEY_BYTES) return key;
      } catch (err) {
        if (err instanceof AeadError && err.failure === 'authentication') {
          throw new VaultError(
            VaultErrorReason.wrongKey,
            'The vault passphrase is wrong. Type it again; Dropline did not create a new key, so the stored secrets are untouched.',
          );
        }
      }
      throw new VaultError(VaultErrorReason.corrupt, 'The passphrase key slot is damaged.');
    },
  };
}

function context(header: Buffer): readonly string[] {
  return ['key-slot', 'passphrase', header.toString('hex')];
}

function parseHeader(wrapped: Buffer): { header: Buffer; cost: ScryptCost; salt: Buffer } {
  if (wrapped.length <= HEADER_BYTES || wrapped[0] !== SLOT_VERSION) {
    throw new VaultError(VaultErrorReason.corrupt, 'The passphrase key slot is damaged.');
  }
  const cost = { logN: wrapped[1]!, r: wrapped[2]!, p: wrapped[3]! };
  // Bounds keep a tampered slot from asking for weeks of CPU or gigabytes of memory.
  if (cost.logN < 14 || cost.logN > 22 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 8) {
    throw new VaultError(
      VaultErrorReason.corrupt,
      `The passphrase key slot asks for an unsupported scrypt cost (logN ${cost.logN}, r ${cost.r}, p ${cost.p}).`,
    );
  }
  return {
    header: wrapped.subarray(0, HEADER_BYTES),
    cost,
    salt: wrapped.subarray(4, HEADER_BYTES),
  };
}

function derive(passphrase: string, salt: Buffer, cost: ScryptCost): Buffer {
  const N = 2 ** cost.logN;
  return scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, {
    N,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is too small for strong costs.
    maxmem: 128 * N * cost.r * 2,
  });
}
