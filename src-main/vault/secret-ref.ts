import type { SecretKind, SecretRef } from './secret-store.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

const KINDS: ReadonlySet<SecretKind> = new Set([
  'refresh_token',
  'access_token',
  'oauth_client_secret',
  'cookie_file',
  'upload_session',
]);

/** Binds a blob to its row: a blob copied onto another row fails authentication. */
export function rowContext(ref: SecretRef): readonly string[] {
  return ['secret', ref.kind, ref.id];
}

/** Refuses refs the vault does not know, before any key is touched. */
export function checkRef(ref: SecretRef): SecretRef {
  if (!KINDS.has(ref.kind)) {
    throw new VaultError(
      VaultErrorReason.invalid,
      `Unknown secret kind ${JSON.stringify(ref.kind)}.`,
    );
  }
  if (typeof ref.id !== 'string' || ref.id.length === 0 || ref.id.length > 512) {
    throw new VaultError(
      VaultErrorReason.invalid,
      `A ${ref.kind} needs an id of 1 to 512 characters.`,
    );
  }
  return ref;
}
