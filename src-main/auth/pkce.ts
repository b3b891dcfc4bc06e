import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes -> 43 unreserved characters, the RFC 7636 minimum length, 256 bits. */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** 128 bits, as RFC 8252 and design.md ask. */
export function createState(): string {
  return randomBytes(16).toString('base64url');
}

/** A random path segment, so another local process cannot guess where the callback lands. */
export function createCallbackPath(): string {
  return `/oauth2/callback/${randomBytes(12).toString('base64url')}`;
}

/** Constant-time comparison of two strings (length is not secret here). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
