// `npm run bench`: runs every bench/*.bench.ts (or the ones named) one after another.
// Benchmarks report ratios against a reference measured in the same run, never pass/fail.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = globSync('bench/*.bench.ts')
  .sort()
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)));
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
