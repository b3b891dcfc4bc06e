import { randomBytes } from 'node:crypto';
import {
  unwrapWithKek,
  wrapWithKek,
  type KeyProvider,
  type KeyProviderId,
} from '../../src-main/vault/key-provider.ts';
import { VaultError, type VaultErrorReason } from '../../src-main/vault/vault-error.ts';

/** A key provider whose key-encryption key lives in memory: the vault's logic without a keychain. */
export interface MemoryKeyProvider extends KeyProvider {
  readonly kek: Buffer;
  /** Every data key this provider unwrapped, to check the vault wipes the ones it drops. */
  readonly handedOut: Buffer[];
  unwraps: number;
}

export function memoryKeyProvider(id: KeyProviderId, kek = randomBytes(32)): MemoryKeyProvider {
  const provider: MemoryKeyProvider = {
    id,
    label: `the ${id} test provider`,
    kek,
    handedOut: [],
    unwraps: 0,
    wrap: (dataKey) => wrapWithKek(kek, dataKey, id),
    unwrap: (wrapped) => {
      provider.unwraps++;
      const key = unwrapWithKek(kek, wrapped, provider, 'Use the right test key.');
      provider.handedOut.push(key);
      return key;
    },
  };
  return provider;
}

/** A provider that refuses every use with the given reason. */
export function refusingKeyProvider(
  id: KeyProviderId,
  reason: VaultErrorReason,
  message: string,
): KeyProvider {
  const refuse = (): never => {
    throw new VaultError(reason, message);
  };
  return { id, label: `the refusing ${id}`, wrap: refuse, unwrap: refuse };
}
