// The dependency-cruiser rules in .dependency-cruiser.cjs, each shown failing on a planted
// violation in a throwaway copy of the sources (the real tree is never written to).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';

const repo = process.cwd();
const depcruise = resolve(repo, 'node_modules/.bin/depcruise');
const config = resolve(repo, '.dependency-cruiser.cjs');

// Each cruise parses the whole tree (about 5 s here, over 20 s on a loaded 2-core machine).
describe('architecture rules (dependency-cruiser)', { timeout: 120_000 }, () => {
  let copy: string;
  const planted: string[] = [];

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'dropline-arch-'));
    for (const dir of ['src-main', 'src-shared', 'src-renderer'])
      cpSync(join(repo, dir), join(copy, dir), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  function plant(file: string, code: string): void {
    writeFileSync(join(copy, file), code);
    planted.push(file);
  }

  function cruise(): { code: number | null; out: string } {
    const run = spawnSync(
      depcruise,
      ['src-main', 'src-shared', 'src-renderer', '--config', config],
      {
        cwd: copy,
        encoding: 'utf8',
      },
    );
    const out = `${run.stdout}${run.stderr}`;
    for (const file of planted.splice(0)) rmSync(join(copy, file));
    return { code: run.status, out };
  }

  test('the sources as they are pass', () => {
    const { code, out } = cruise();
    assert.equal(code, 0, out);
  });

  test('a cycle between two folders fails, even through type-only imports', () => {
    plant(
      'src-main/auth/planted.ts',
      "import type { AuditLog } from '../channels/audit-log.ts';\nexport type Planted = AuditLog;\n",
    );
    const { code, out } = cruise();
    assert.notEqual(code, 0);
    assert.match(out, /no-folder-cycles/);
    assert.match(out, /src-main\/channels/);
  });

  test('a cycle between two modules of one folder fails', () => {
    plant(
      'src-main/base/planted-a.ts',
      "import { b } from './planted-b.ts';\nexport const a = () => b;\n",
    );
    plant(
      'src-main/base/planted-b.ts',
      "import { a } from './planted-a.ts';\nexport const b = () => a;\n",
    );
    const { code, out } = cruise();
    assert.notEqual(code, 0);
    assert.match(out, /no-module-cycles/);
  });

  test('importing the electron shell from outside it fails', () => {
    plant(
      'src-main/uploads/planted.ts',
      "import { APP_ORIGIN } from '../electron/ipc-channels.ts';\nexport const origin = APP_ORIGIN;\n",
    );
    const { code, out } = cruise();
    assert.notEqual(code, 0);
    assert.match(out, /electron-shell-is-a-leaf/);
  });
});
