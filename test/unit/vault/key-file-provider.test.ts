import { afterAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyFileProvider, readKeyFile } from '../../../src-main/vault/key-file-provider.ts';
import { wrapWithKek } from '../../../src-main/vault/key-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const refused = (reason: string, message: string | RegExp) => (err: unknown) => {
  assert.ok(err instanceof VaultError, `expected a VaultError, got ${String(err)}`);
  assert.equal(err.reason, reason, err.message);
  if (typeof message === 'string') assert.equal(err.message, message);
  else assert.match(err.message, message);
  return true;
};
const unavailable = (message: string | RegExp) => refused(VaultErrorReason.unavailable, message);

describe('key files, exactly', { skip: process.platform === 'win32' }, () => {
  const dir = tempDir('dropline-keyfile-unit-');
  afterAll(() => dir.remove());
  let n = 0;
  const write = (content: Buffer | string, mode = 0o600): string => {
    const file = join(dir.path, `k${++n}`);
    writeFileSync(file, content);
    chmodSync(file, mode);
    return file;
  };
  const create = (file: string) =>
    `Create one with: (umask 077; head -c 32 /dev/urandom > ${file}) and keep a backup of it.`;
  const restore = (file: string) =>
    `This vault was created with a key file, and only that file opens it: restore ${file} from your backup (or point DROPLINE_MASTER_KEY_FILE at the original), or unlock with the vault passphrase if you set one (Settings → Security, or \`dropline vault unlock\`). A new key file would not open this vault; Dropline did not create one, so the stored secrets are untouched.`;

  test('a missing file: creating suggests a new key, opening says to restore the original', () => {
    const file = join(dir.path, 'absent');
    assert.throws(
      () => readKeyFile(file),
      unavailable(
        `The key file ${file} (DROPLINE_MASTER_KEY_FILE) does not exist. ${create(file)}`,
      ),
    );
    assert.throws(
      () => readKeyFile(file, 'linux', 'open'),
      unavailable(
        `The key file ${file} (DROPLINE_MASTER_KEY_FILE) does not exist. ${restore(file)}`,
      ),
    );
    const provider = keyFileProvider(file);
    assert.throws(() => provider.wrap(randomBytes(32)), unavailable(/head -c 32/));
    assert.throws(
      () => provider.unwrap(Buffer.alloc(64)),
      unavailable(/restore .* from your backup/),
    );
    assert.throws(() => provider.probe?.(), unavailable(/head -c 32/));
  });

  test('a path that cannot be opened names the error code', () => {
    const file = join(write(randomBytes(32)), 'child');
    assert.throws(
      () => readKeyFile(file),
      unavailable(
        `The key file ${file} (DROPLINE_MASTER_KEY_FILE) cannot be read (ENOTDIR). ${create(file)}`,
      ),
    );
  });

  test('a FIFO in the key file’s place is refused at once, not waited on', () => {
    const fifo = join(dir.path, 'fifo');
    execFileSync('mkfifo', ['-m', '600', fifo]);
    assert.throws(
      () => readKeyFile(fifo),
      unavailable(`The key file ${fifo} (DROPLINE_MASTER_KEY_FILE) is not a regular file.`),
    );
    const sub = join(dir.path, 'sub');
    mkdirSync(sub, { mode: 0o700 });
    assert.throws(() => readKeyFile(sub), unavailable(/is not a regular file\.$/));
  });

  test('any group or other bit is refused on POSIX, with the mode shown; Windows skips the check', () => {
    for (const [mode, shown] of [
      [0o604, '0604'],
      [0o610, '0610'],
      [0o601, '0601'],
      [0o660, '0660'],
    ] as const) {
      const file = write(randomBytes(32), mode);
      assert.throws(
        () => readKeyFile(file, 'linux'),
        unavailable(
          `The key file ${file} (DROPLINE_MASTER_KEY_FILE) has mode ${shown}, so other users on this machine can read or change it. Dropline refuses to use it: run \`chmod 600 ${file}\` (0600 or 0400 are accepted).`,
        ),
      );
    }
    const key = randomBytes(32);
    assert.deepEqual(readKeyFile(write(key, 0o644), 'win32'), key);
    assert.deepEqual(readKeyFile(write(key, 0o700), 'darwin'), key);
  });

  test('content: raw 32 bytes as they are, base64 (also URL-safe, padded or not), nothing else', () => {
    const key = randomBytes(32);
    // A raw key is taken byte for byte, even when it happens to look like text.
    const textLike = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345');
    assert.deepEqual(readKeyFile(write(textLike)), textLike);
    assert.deepEqual(readKeyFile(write(`  ${key.toString('base64')}\r\n`)), key);
    assert.deepEqual(readKeyFile(write(key.toString('base64url'))), key);
    assert.deepEqual(readKeyFile(write(key.toString('base64').replace(/=+$/, ''))), key);
    const file = write(randomBytes(33));
    assert.throws(
      () => readKeyFile(file),
      unavailable(
        `The key file ${file} (DROPLINE_MASTER_KEY_FILE) must hold exactly 32 bytes, raw or base64 (44 characters); it holds 33 bytes that are neither a raw key nor base64. ${create(file)}`,
      ),
    );
    const b64 = write(randomBytes(20).toString('base64'));
    assert.throws(
      () => readKeyFile(b64, 'linux', 'open'),
      unavailable(/it holds base64 text that decodes to 20 bytes\. This vault was created/),
    );
    assert.throws(
      () => readKeyFile(write(`${key.toString('base64')}===`)),
      unavailable(/neither a raw key nor base64/),
    );
    assert.throws(
      () => readKeyFile(write(`x${key.toString('base64')}`)),
      unavailable(/decodes to 33 bytes/),
    );
    assert.throws(() => readKeyFile(write(`${key.toString('base64')} x`)), unavailable(/neither/));
    assert.throws(() => readKeyFile(write('')), unavailable(/it holds 0 bytes that are neither/));
  });

  test('a file over 4 KiB is refused by its size; 4 KiB is read and judged by content', () => {
    const big = write(Buffer.alloc(4097, 0x41));
    assert.throws(() => readKeyFile(big), unavailable(/it holds 4097 bytes\. Create one with/));
    assert.throws(
      () => readKeyFile(write(Buffer.alloc(4096, 0x41))),
      unavailable(/decodes to 3072 bytes/),
    );
  });

  test('the provider names its file, reads it on every use, and tells a wrong key from a missing one', () => {
    const key = randomBytes(32);
    const file = write(key);
    const provider = keyFileProvider(file);
    assert.equal(provider.id, 'file');
    assert.equal(provider.label, `the key file ${resolve(file)} (DROPLINE_MASTER_KEY_FILE)`);
    provider.probe?.();
    const dataKey = randomBytes(32);
    const wrapped = provider.wrap(dataKey);
    assert.deepEqual(wrapped.subarray(0, 1), Buffer.of(1));
    assert.deepEqual(provider.unwrap(wrapped), dataKey);
    assert.deepEqual(provider.unwrap(wrapWithKek(key, dataKey, 'file')), dataKey);
    writeFileSync(file, randomBytes(32));
    assert.throws(
      () => provider.unwrap(wrapped),
      refused(
        VaultErrorReason.wrongKey,
        `The key file ${resolve(file)} (DROPLINE_MASTER_KEY_FILE) does not open this vault: its key is not the one the vault was created with. Point DROPLINE_MASTER_KEY_FILE at the original key file (restore it from your backup). Dropline did not create a new key, so the stored secrets are untouched.`,
      ),
    );
    chmodSync(file, 0o644);
    assert.throws(() => provider.probe?.(), unavailable(/mode 0644/));
    assert.throws(() => keyFileProvider(file, 'linux').wrap(dataKey), unavailable(/mode 0644/));
    assert.throws(() => keyFileProvider(file, 'linux').unwrap(wrapped), unavailable(/mode 0644/));
    keyFileProvider(file, 'win32').probe?.();
  });
});
