import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a versioned blob layout:
 *   [version: 1 byte][nonce: 12 bytes][ciphertext][tag: 16 bytes]
 * The associated data is the caller's context (which row, which slot) plus
 * the format version, so a blob only opens where and as what it was written.
 */
export const BLOB_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export type AeadContext = readonly (string | number)[];

/** Why `openBlob` failed: callers turn this into a message that names the row. */
export type OpenFailure = 'unknown_version' | 'truncated' | 'authentication';

export class AeadError extends Error {
  readonly failure: OpenFailure;
  constructor(failure: OpenFailure, message: string) {
    super(message);
    this.name = 'AeadError';
    this.failure = failure;
  }
}

function associatedData(version: number, context: AeadContext): Buffer {
  // JSON keeps the parts unambiguous even when an id contains ':'.
  return Buffer.from(JSON.stringify(['dropline', version, ...context]), 'utf8');
}

export function sealBlob(key: Buffer, plaintext: Buffer, context: AeadContext): Buffer {
  assertKey(key);
  // A fresh random nonce per write: one data key seals far fewer than 2^32 blobs.
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(BLOB_VERSION, context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(BLOB_VERSION), nonce, body, cipher.getAuthTag()]);
}

export function openBlob(key: Buffer, blob: Buffer, context: AeadContext): Buffer {
  assertKey(key);
  if (blob.length < 1 + NONCE_BYTES + TAG_BYTES) {
    throw new AeadError('truncated', `the blob is ${blob.length} bytes, too short to be valid`);
  }
  const version = blob[0];
  if (version !== BLOB_VERSION) {
    throw new AeadError(
      'unknown_version',
      `the blob has format version ${version}, this Dropline reads version ${BLOB_VERSION}`,
    );
  }
  const nonce = blob.subarray(1, 1 + NONCE_BYTES);
  const tag = blob.subarray(blob.length - TAG_BYTES);
  const body = blob.subarray(1 + NONCE_BYTES, blob.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(version, context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new AeadError(
      'authentication',
      'the blob failed authentication (altered, moved from another row, or sealed with another key)',
    );
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`AES-256 needs a ${KEY_BYTES}-byte key`);
}
