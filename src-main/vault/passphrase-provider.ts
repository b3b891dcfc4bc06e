import { randomBytes, scrypt } from 'node:crypto';
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
 *
 * scrypt at 128 MiB takes a fraction of a second: it runs on libuv's thread
 * pool here, before the vault asks, so the engine's event loop never waits
 * on it. `slot` is the stored passphrase slot (null when there is none yet):
 * its salt and cost give the key that opens it; a fresh salt gives the key a
 * new slot is written with.
 */
export async function passphraseProvider(
  passphrase: string,
  slot: Buffer | null = null,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<KeyProvider> {
  const label = 'the vault passphrase';
  const stored = slot === null ? null : parseHeader(slot);
  const openKek = stored ? await derive(passphrase, stored.salt, stored.cost) : null;
  const longEnough = [...passphrase].length >= MIN_VAULT_PASSPHRASE;
  const salt = randomBytes(SALT_BYTES);
  const header = Buffer.concat([Buffer.of(SLOT_VERSION, cost.logN, cost.r, cost.p), salt]);
  // A passphrase too short to set is never derived for writing (it is refused at wrap).
  const writeKek = longEnough ? await derive(passphrase, salt, cost) : null;
  return {
    id: 'passphrase',
    label,
    wrap(dataKey) {
      // The one minimum (UI, CLI and engine), in characters as a person counts them.
      if (!writeKek) {
        throw new VaultError(
          VaultErrorReason.invalid,
          `The vault passphrase must have at least ${MIN_VAULT_PASSPHRASE} characters.`,
        );
      }
      return Buffer.concat([header, sealBlob(writeKek, dataKey, context(header))]);
    },
    unwrap(wrapped) {
      const { header: slotHeader } = parseHeader(wrapped);
      const kek =
        stored && openKek && slotHeader.equals(stored.header)
          ? openKek
          : writeKek && slotHeader.equals(header)
            ? writeKek
            : null;
      if (!kek) {
        // The slot is not the one this key was derived for (it changed meanwhile): ask again.
        throw new VaultError(
          VaultErrorReason.unavailable,
          'The passphrase slot changed while the passphrase was checked; type it again.',
        );
      }
      try {
        const key = openBlob(kek, wrapped.subarray(HEADER_BYTES), context(slotHeader));
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

function derive(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      KEY_BYTES,
      {
        N,
        r: cost.r,
        p: cost.p,
        // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is too small for strong costs.
        maxmem: 128 * N * cost.r * 2,
      },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}
