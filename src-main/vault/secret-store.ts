/**
 * Where secrets live: encrypted rows in the `secrets` table (envelope
 * encryption, see design.md). Only the vault implements this; everything
 * that holds a secret (refresh tokens, OAuth client secret, cookie files)
 * goes through it and never writes plaintext anywhere.
 */
/**
 * `upload_session`: a resumable session URI, which lets its holder send bytes into the upload.
 * `access_token`: a short-lived access token kept across restarts (TikTok's, with its end), so a
 * start does not refresh: each TikTok refresh rotates the refresh token.
 */
export type SecretKind =
  'refresh_token' | 'access_token' | 'oauth_client_secret' | 'cookie_file' | 'upload_session';

export interface SecretRef {
  kind: SecretKind;
  /** The owning row's identity (channel id, cookie file id, ...); bound to the ciphertext as associated data. */
  id: string;
}

export interface SecretStore {
  put(ref: SecretRef, value: Buffer): void;
  /** null when no such secret; throws VaultError when the blob fails authentication. */
  get(ref: SecretRef): Buffer | null;
  delete(ref: SecretRef): void;
}
