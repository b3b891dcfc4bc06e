import { test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readKeyFile } from '../../../src-main/vault/key-file-provider.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

// The key file is read on every wrap and unwrap of a long-running engine: a descriptor left
// open per read would exhaust the process's limit.
const openFds = (): number => readdirSync('/proc/self/fd').length;

test(
  'reading a key file closes it, whether the key is good or refused',
  { skip: !existsSync('/proc/self/fd') },
  () => {
    const dir = tempDir('dropline-keyfile-fds-');
    try {
      const good = join(dir.path, 'good');
      const bad = join(dir.path, 'bad');
      writeFileSync(good, randomBytes(32), { mode: 0o600 });
      writeFileSync(bad, 'not a key', { mode: 0o600 });
      const before = openFds();
      for (let i = 0; i < 20; i++) {
        readKeyFile(good);
        assert.throws(() => readKeyFile(bad));
      }
      assert.equal(openFds(), before);
    } finally {
      dir.remove();
    }
  },
);
