import assert from 'node:assert/strict';
import { test } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
}

const cases: { file: string; code: string; allowed: boolean; why: string }[] = [
  {
    file: 'src-renderer/screens/x/bad.ts',
    code: "import { createCore } from '../../../src-main/core/create-core.ts';\nvoid createCore;\n",
    allowed: false,
    why: 'renderer -> main',
  },
  {
    file: 'src-renderer/bad.ts',
    code: "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n",
    allowed: false,
    why: 'node built-in in renderer',
  },
  {
    file: 'src-shared/domain/bad.ts',
    code: "import { join } from 'node:path';\nvoid join;\n",
    allowed: false,
    why: 'node: built-in in shared',
  },
  {
    file: 'src-shared/domain/bad2.ts',
    code: "import { join } from 'path';\nvoid join;\n",
    allowed: false,
    why: 'bare built-in in shared',
  },
  {
    file: 'src-shared/domain/bad3.ts',
    code: "import { useState } from 'react';\nvoid useState;\n",
    allowed: false,
    why: 'UI code in shared',
  },
  {
    file: 'src-shared/api/bad4.ts',
    code: "import { x } from '../../src-main/rpc/router.ts';\nvoid x;\n",
    allowed: false,
    why: 'shared -> main',
  },
  {
    file: 'src-main/core/bad.ts',
    code: "import { app } from 'electron';\nvoid app;\n",
    allowed: false,
    why: 'electron outside src-main/electron',
  },
  {
    file: 'src-renderer/bad5.ts',
    code: "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n",
    allowed: false,
    why: 'electron in renderer',
  },
  {
    file: 'src-main/electron/ok.ts',
    code: "import { app } from 'electron';\nvoid app;\n",
    allowed: true,
    why: 'electron in its own folder',
  },
  {
    file: 'src-shared/domain/ok.ts',
    code: "import { z } from 'zod';\nvoid z;\n",
    allowed: true,
    why: 'zod in shared',
  },
  {
    file: 'src-renderer/ok.ts',
    code: "import { methods } from '../src-shared/api/contract.ts';\nvoid methods;\n",
    allowed: true,
    why: 'renderer -> shared',
  },
  {
    file: 'src-renderer/bad6.ts',
    code: "import { z } from 'zod';\nvoid z;\n",
    allowed: false,
    why: 'classic zod in renderer (not tree-shakable)',
  },
  {
    file: 'src-renderer/ok2.ts',
    code: "import * as z from 'zod/mini';\nimport type { z as Z } from 'zod';\nvoid z;\nexport type T = Z.infer<Z.ZodString>;\n",
    allowed: true,
    why: 'zod/mini, and types of classic zod, in renderer',
  },
];

for (const c of cases) {
  test(`lint ${c.allowed ? 'allows' : 'refuses'} ${c.why}`, async () => {
    const errors = await boundaryErrors(c.file, c.code);
    assert.equal(
      errors.length === 0,
      c.allowed,
      `${c.file}: ${errors.join('; ') || 'no boundary error'}`,
    );
  });
}
