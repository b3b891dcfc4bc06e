import {
  KeyKindSchema,
  MIN_VAULT_PASSPHRASE,
  type KeyKind,
  type VaultProtection,
  type VaultStatus,
} from '../../src-shared/api/vault.ts';
import { assertNever } from '../../src-shared/domain/assert-never.ts';
import { capitalize, type KeyProvider } from './key-provider.ts';
import { howToUse } from './unlock-errors.ts';
import { isVaultError, type VaultError } from './vault-error.ts';
import type { Vault } from './vault.ts';

/**
 * What protects the vault key now, for the Security settings and the locked
 * banner. Asking may unlock the vault (as a first secret read would), but
 * never creates a key, never derives a passphrase and never returns key bytes.
 */
export function vaultStatus(vault: Vault): VaultStatus {
  const slots = vault.slots();
  const hasPassphrase = slots.some((s) => s.provider === 'passphrase');
  let state: VaultStatus['state'] = 'unlocked';
  let message: string | null = null;
  if (!vault.isUnlocked()) {
    if (slots.length === 0) state = 'not_created';
    else {
      try {
        vault.unlock();
      } catch (err) {
        if (!isVaultError(err)) throw err;
        state = 'locked';
        message = err.message;
      }
    }
  }
  const protections = protectionsOf(vault);
  if (state === 'not_created' && !protections.some((p) => p.configured && p.available)) {
    const why = protections.map((p) => p.problem).filter((p): p is string => p !== null);
    message = `${why.join(' ')} Set a passphrase to protect your secrets; Dropline asks for it after each start.`;
  }
  return {
    state,
    message,
    needsPassphrase: state === 'locked' && hasPassphrase,
    hasPassphrase,
    protections,
    minPassphraseLength: MIN_VAULT_PASSPHRASE,
  };
}

function protectionsOf(vault: Vault): VaultProtection[] {
  const slots = vault.slots();
  const configured = vault.configuredProviders().filter((p) => p.id !== 'passphrase');
  const out: VaultProtection[] = [];
  for (const provider of configured) {
    const slot = slots.find((s) => s.provider === provider.id);
    const problem = slot ? vault.checkSlot(provider) : probe(provider);
    out.push({
      kind: provider.id,
      label: labelOf(provider.id, provider),
      holdsKey: slot !== undefined,
      since: slot?.createdAt ?? null,
      configured: true,
      available: problem === null,
      problem: problem?.message ?? null,
    });
  }
  for (const slot of slots) {
    if (out.some((p) => p.kind === slot.provider)) continue;
    const kind = KeyKindSchema.safeParse(slot.provider);
    if (!kind.success) continue;
    // A passphrase is always at hand: the person who set it types it.
    const isPassphrase = kind.data === 'passphrase';
    out.push({
      kind: kind.data,
      label: labelOf(kind.data),
      holdsKey: true,
      since: slot.createdAt,
      configured: isPassphrase,
      available: isPassphrase,
      problem: isPassphrase
        ? null
        : `This Dropline is not set up to use it. To use it, ${howToUse(slot.provider)}.`,
    });
  }
  return out;
}

function probe(provider: KeyProvider): VaultError | null {
  try {
    provider.probe?.();
    return null;
  } catch (err) {
    if (isVaultError(err)) return err;
    throw err;
  }
}

/** Names a creator understands; the provider's own label adds the detail (which file). */
function labelOf(kind: KeyKind, provider?: KeyProvider): string {
  switch (kind) {
    case 'keychain':
      return provider?.label.includes('Secret Service')
        ? 'Your system keychain (Secret Service)'
        : 'Your system keychain';
    case 'file':
      return provider ? capitalize(provider.label) : 'A key file (DROPLINE_MASTER_KEY_FILE)';
    case 'safe_storage':
      return 'Your system keychain, through the desktop app';
    case 'passphrase':
      return 'Your passphrase';
    default:
      return assertNever(kind);
  }
}
