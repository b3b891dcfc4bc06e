import { AppError } from '../../src-shared/api/errors.ts';
import type { SecretRef } from './secret-store.ts';

/**
 * Why the vault refused. Each reason maps to a different fix for the user,
 * so callers (and the UI) can switch on it.
 */
export const VaultErrorReason = {
  /** The key provider cannot be used at all (no keychain, key file missing or unsafe). */
  unavailable: 'vault_unavailable',
  /** A provider answered but its key does not open the vault. */
  wrongKey: 'vault_wrong_key',
  /** A stored blob or slot failed authentication or is malformed. */
  corrupt: 'vault_corrupt',
  /** Linux desktop without a real keyring: a passphrase slot is needed. */
  passphraseRequired: 'vault_passphrase_required',
  /** The caller passed something the vault cannot store. */
  invalid: 'vault_invalid',
} as const;
export type VaultErrorReason = (typeof VaultErrorReason)[keyof typeof VaultErrorReason];

/**
 * Every vault failure. An AppError, so it crosses the API with its message
 * intact; messages name the row or provider and the fix, never a secret.
 */
export class VaultError extends AppError {
  readonly reason: VaultErrorReason;
  readonly ref: SecretRef | null;

  constructor(
    reason: VaultErrorReason,
    message: string,
    ref: SecretRef | null = null,
    /** Default: by reason. A vault that could not be unlocked is always retryable (see vault.ts). */
    retryable?: boolean,
  ) {
    // An unreachable keychain may be unlocked later, a locked vault once the user types the
    // passphrase: waiting work (uploads) retries instead of failing for good.
    super(
      reason,
      message,
      retryable ??
        (reason === VaultErrorReason.unavailable || reason === VaultErrorReason.passphraseRequired),
    );
    this.name = 'VaultError';
    this.reason = reason;
    this.ref = ref;
  }
}

export function isVaultError(value: unknown): value is VaultError {
  return value instanceof VaultError;
}

const KIND_WORDS: Record<SecretRef['kind'], { what: string; owner: string; fix: string }> = {
  refresh_token: {
    what: 'refresh token',
    owner: 'channel',
    fix: 'Reconnect this channel to store a new one.',
  },
  access_token: {
    what: 'access token',
    owner: 'account',
    fix: 'Nothing to do: Dropline asks for a new one when it needs it.',
  },
  oauth_client_secret: {
    what: 'OAuth client secret',
    owner: 'client',
    fix: 'Set the OAuth client again (Channels screen or `dropline client set`).',
  },
  cookie_file: {
    what: 'cookie file',
    owner: 'cookie file',
    fix: 'Import the cookie file again.',
  },
  upload_session: {
    what: 'upload session',
    owner: 'job',
    fix: 'Cancel the job and add the video again: it starts a new upload session.',
  },
};

/** "the refresh token of channel UC123", for messages. */
export function describeRef(ref: SecretRef): string {
  const words = KIND_WORDS[ref.kind];
  return `the ${words.what} of ${words.owner} ${JSON.stringify(ref.id)}`;
}

export function fixForRef(ref: SecretRef): string {
  return KIND_WORDS[ref.kind].fix;
}
