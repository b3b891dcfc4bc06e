import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFileProvider, readKeyFile } from '../../../src-main/vault/key-file-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

const refused =
  (...texts: RegExp[]) =>
  (err: unknown) => {
    assert.ok(err instanceof VaultError, `expected a VaultError, got ${String(err)}`);
    assert.equal(err.reason, VaultErrorReason.unavailable);
    for (const t of texts) assert.match(err.message, t);
    return true;
  };

describe(
  'DROPLINE_MASTER_KEY_FILE',
  // POSIX modes only.
  { skip: process.platform === 'win32' },
  () => {
    let dir: string;
    const key = randomBytes(32);
    const write = (name: string, content: Buffer | string, mode = 0o600): string => {
      const file = join(dir, name);
      writeFileSync(file, content);
      chmodSync(file, mode);
      return file;
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'dropline-keyfile-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('a raw 32-byte key with mode 0600 or 0400 is accepted', () => {
      assert.deepEqual(readKeyFile(write('raw600', key, 0o600)), key);
      assert.deepEqual(readKeyFile(write('raw400', key, 0o400)), key);
    });

    test('base64 text, with a trailing newline, is accepted', () => {
      assert.deepEqual(readKeyFile(write('b64', key.toString('base64') + '\n')), key);
    });

    test('mode 0644 is refused with the chmod fix', () => {
      const file = write('open644', key, 0o644);
      assert.throws(() => readKeyFile(file), refused(/mode 0644/, /other users/, /chmod 600/));
      assert.throws(() => keyFileProvider(file).wrap(randomBytes(32)), refused(/mode 0644/));
    });

    test('group-readable 0640 is refused too', () => {
      assert.throws(() => readKeyFile(write('grp640', key, 0o640)), refused(/mode 0640/));
    });

    test('content that is not 32 bytes is refused, saying what was found', () => {
      assert.throws(
        () => readKeyFile(write('short', randomBytes(31))),
        refused(/exactly 32 bytes/, /31 bytes/),
      );
      assert.throws(
        () => readKeyFile(write('b64short', randomBytes(31).toString('base64'))),
        refused(/decodes to 31 bytes/),
      );
      assert.throws(
        () => readKeyFile(write('text', 'not a key at all, just words\n')),
        refused(/neither/),
      );
    });

    test('a missing file or a directory is refused', () => {
      assert.throws(
        () => readKeyFile(join(dir, 'absent')),
        refused(/does not exist/, /head -c 32/),
      );
      const sub = join(dir, 'adir');
      mkdirSync(sub, { mode: 0o700 });
      assert.throws(() => readKeyFile(sub), refused(/not a regular file/));
    });

    test('the provider wraps with the file key and a different file does not unwrap', () => {
      const a = keyFileProvider(write('a', key));
      const b = keyFileProvider(write('b', randomBytes(32)));
      const dataKey = randomBytes(32);
      const wrapped = a.wrap(dataKey);
      assert.deepEqual(a.unwrap(wrapped), dataKey);
      assert.throws(
        () => b.unwrap(wrapped),
        (err: unknown) => err instanceof VaultError && err.reason === VaultErrorReason.wrongKey,
      );
    });
  },
);
