// Runs the test suites with Node's own test runner (TypeScript runs through type stripping).
// Usage: node scripts/run-tests.ts [unit|integration|e2e ...]
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const suites = process.argv.slice(2);
const selected = suites.length ? suites : ['unit', 'integration', 'e2e'];
const files = selected.flatMap((suite) => globSync(`test/${suite}/**/*.test.ts`)).sort();
if (files.length === 0) {
  console.error(`No test files found for: ${selected.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=180000', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, DROPLINE_LOG_LEVEL: process.env.DROPLINE_LOG_LEVEL ?? 'debug' },
  },
);
process.exit(result.status ?? 1);
