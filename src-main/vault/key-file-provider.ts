import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { KEY_BYTES } from './aead.ts';
import { unwrapWithKek, wrapWithKek, type KeyProvider } from './key-provider.ts';
import { VaultError, VaultErrorReason } from './vault-error.ts';

const CREATE_HINT = (path: string): string =>
  `Create one with: (umask 077; head -c 32 /dev/urandom > ${path}) and keep a backup of it.`;

/** When a vault already exists, only the original file opens it: never suggest a new one. */
const RESTORE_HINT = (path: string): string =>
  `This vault was created with a key file, and only that file opens it: restore ${path} from your backup (or point DROPLINE_MASTER_KEY_FILE at the original), or unlock with the vault passphrase if you set one (Settings → Security, or \`dropline vault unlock\`). A new key file would not open this vault; Dropline did not create one, so the stored secrets are untouched.`;

/** Creating a vault (or adding this file to one) vs. opening the vault it created. */
type Purpose = 'create' | 'open';

/**
 * The key-encryption key read from `DROPLINE_MASTER_KEY_FILE` (servers).
 * The file is read on each wrap/unwrap, never cached here: the vault keeps
 * only the unwrapped data key.
 */
export function keyFileProvider(
  path: string,
  platform: NodeJS.Platform = process.platform,
): KeyProvider {
  const file = resolve(path);
  const label = `the key file ${file} (DROPLINE_MASTER_KEY_FILE)`;
  const provider = {
    id: 'file' as const,
    label,
    wrap: (dataKey: Buffer) => wrapWithKek(readKeyFile(file, platform), dataKey, 'file'),
    unwrap: (wrapped: Buffer) =>
      unwrapWithKek(
        readKeyFile(file, platform, 'open'),
        wrapped,
        provider,
        'Point DROPLINE_MASTER_KEY_FILE at the original key file (restore it from your backup). Dropline did not create a new key, so the stored secrets are untouched.',
      ),
    probe: () => readKeyFile(file, platform).fill(0),
  };
  return provider;
}

/** Reads and validates a key file: private mode, exactly 32 bytes raw or base64. */
export function readKeyFile(
  file: string,
  platform: NodeJS.Platform = process.platform,
  purpose: Purpose = 'create',
): Buffer {
  const hint = purpose === 'open' ? RESTORE_HINT(file) : CREATE_HINT(file);
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO put in the key file's place must not hang the engine at start.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`;
    throw new VaultError(
      VaultErrorReason.unavailable,
      `The key file ${file} (DROPLINE_MASTER_KEY_FILE) ${why}. ${hint}`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new VaultError(
        VaultErrorReason.unavailable,
        `The key file ${file} (DROPLINE_MASTER_KEY_FILE) is not a regular file.`,
      );
    }
    // Windows has no POSIX modes; there the folder's ACL protects the file.
    if (platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new VaultError(
        VaultErrorReason.unavailable,
        `The key file ${file} (DROPLINE_MASTER_KEY_FILE) has mode ${mode}, so other users on this machine can read or change it. Dropline refuses to use it: run \`chmod 600 ${file}\` (0600 or 0400 are accepted).`,
      );
    }
    if (stat.size > 4096) throw badContent(file, `${stat.size} bytes`, hint);
    const raw = Buffer.alloc(stat.size);
    let read = 0;
    while (read < raw.length) {
      const n = readSync(fd, raw, read, raw.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return parseKey(raw.subarray(0, read), file, hint);
  } finally {
    closeSync(fd);
  }
}

function parseKey(raw: Buffer, file: string, hint: string): Buffer {
  if (raw.length === KEY_BYTES) return Buffer.from(raw);
  const text = raw.toString('latin1').trim();
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    const key = Buffer.from(text, 'base64');
    if (key.length === KEY_BYTES) return key;
    throw badContent(file, `base64 text that decodes to ${key.length} bytes`, hint);
  }
  throw badContent(file, `${raw.length} bytes that are neither a raw key nor base64`, hint);
}

function badContent(file: string, found: string, hint: string): VaultError {
  return new VaultError(
    VaultErrorReason.unavailable,
    `The key file ${file} (DROPLINE_MASTER_KEY_FILE) must hold exactly 32 bytes, raw or base64 (44 characters); it holds ${found}. ${hint}`,
  );
}
