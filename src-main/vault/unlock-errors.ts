import type { KeyProvider } from './key-provider.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

const UNTOUCHED = 'Dropline did not create a new key, so the stored secrets are untouched.';

const SLOT_NAMES: Record<string, string> = {
  keychain: 'the OS keychain',
  file: 'a key file',
  safe_storage: "the desktop app's keychain (safeStorage)",
  passphrase: 'a passphrase',
};

// How a user brings back the provider that holds a slot.
const HOW_TO_USE: Record<string, string> = {
  keychain:
    'set DROPLINE_KEY_PROVIDER=keychain (the default) on the machine and user that created it',
  file: 'set DROPLINE_KEY_PROVIDER=file and DROPLINE_MASTER_KEY_FILE to the original key file',
  safe_storage: 'open this data folder with the Dropline desktop app, as the user that created it',
  passphrase: 'enter the vault passphrase in Settings → Security',
};

/** For the status screen: how to bring back the provider of a slot this engine is not set up for. */
export function howToUse(slotProvider: string): string {
  return HOW_TO_USE[slotProvider] ?? `use the "${slotProvider}" key provider`;
}

/** The vault has a passphrase slot and no passphrase was typed since the engine started. */
export function passphraseNeeded(): VaultError {
  return new VaultError(
    VaultErrorReason.passphraseRequired,
    'The vault is locked: enter the vault passphrase in Settings → Security (or in the banner at the top of the window) to unlock it.',
  );
}

/** Slots exist, but none belongs to a configured provider: say which would open it. */
export function noMatchingProvider(
  slotProviders: readonly string[],
  providers: readonly KeyProvider[],
): VaultError {
  const configured = providers.map((p) => p.label).join(', ') || 'no key provider';
  const ways = slotProviders.map(howToUse);
  const reason = slotProviders.includes('passphrase')
    ? VaultErrorReason.passphraseRequired
    : VaultErrorReason.wrongKey;
  return new VaultError(
    reason,
    `The vault's key is held by ${slotProviders.map((s) => SLOT_NAMES[s] ?? s).join(', ')}, but this Dropline is set up with ${configured}. To unlock it, ${ways.join('; or ')}. ${UNTOUCHED}`,
  );
}

const PRIORITY = [
  VaultErrorReason.passphraseRequired,
  VaultErrorReason.wrongKey,
  VaultErrorReason.corrupt,
  VaultErrorReason.unavailable,
  VaultErrorReason.invalid,
];

/** One error out of each provider's refusal, keeping every provider's own explanation. */
export function combineUnlockErrors(errors: readonly VaultError[]): VaultError {
  const [first] = errors;
  if (!first) return new VaultError(VaultErrorReason.unavailable, 'No key provider is configured.');
  if (errors.length === 1) return first;
  const reason = PRIORITY.find((r) => errors.some((e) => e.reason === r)) ?? first.reason;
  return new VaultError(
    reason,
    `Dropline cannot unlock its secrets vault: ${errors.map((e) => e.message).join(' ')}`,
  );
}
