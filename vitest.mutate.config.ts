// The vitest configuration StrykerJS runs per mutant (`npm run mutate`, scripts/mutate.ts).
// One project, the forks pool (better-sqlite3 and child processes), and only the focused tests
// the script names for the folder under mutation: the whole suite per mutant would take days
// on two cores.
import { defineConfig } from 'vitest/config';

const include = JSON.parse(process.env.DROPLINE_MUTATE_TESTS ?? '[]') as string[];
if (include.length === 0) throw new Error('DROPLINE_MUTATE_TESTS names no test files.');
const skip = process.env.DROPLINE_MUTATE_SKIP ?? '';

export default defineConfig({
  test: {
    name: 'mutate',
    include,
    ...(skip ? { testNamePattern: new RegExp(`^(?!.*(?:${skip})).*$`) } : {}),
    globalSetup: ['test/setup/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { DROPLINE_LOG_LEVEL: 'error' },
  },
});
