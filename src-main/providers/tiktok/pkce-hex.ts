import { createHash } from 'node:crypto';

/**
 * Login Kit for Desktop's code_challenge: the SHA-256 of the verifier in
 * hex, where RFC 7636 (and Google) use base64url. Verifier and S256 method
 * are the same as everywhere else.
 */
export function codeChallengeHex(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('hex');
}
