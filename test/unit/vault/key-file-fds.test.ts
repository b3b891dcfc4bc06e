import { test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readKeyFile } from '../../../src-main/vault/key-file-provider.ts';
import { canCountFds, fdsOpenOn } from '../../helpers/open-fds.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

// The key file is read on every wrap and unwrap of a long-running engine: a descriptor left
// open per read would exhaust the process's limit.

test(
  'reading a key file closes it, whether the key is good or refused',
  { skip: !canCountFds },
  () => {
    const dir = tempDir('dropline-keyfile-fds-');
    try {
      const good = join(dir.path, 'good');
      const bad = join(dir.path, 'bad');
      writeFileSync(good, randomBytes(32), { mode: 0o600 });
      writeFileSync(bad, 'not a key', { mode: 0o600 });
      for (let i = 0; i < 20; i++) {
        readKeyFile(good);
        assert.throws(() => readKeyFile(bad));
      }
      assert.equal(fdsOpenOn(good, bad), 0);
    } finally {
      dir.remove();
    }
  },
);
