// `npm run mutate [-- folder ...]`: StrykerJS mutation testing, one folder at a time, in
// incremental mode (a rerun only tests mutants whose code or tests changed since the last).
// Not part of `npm test` or CI: it is slow on two cores. Reports go to reports/mutation/.
import { Stryker, type PartialStrykerOptions } from '@stryker-mutator/core';

interface Target {
  mutate: string[];
  /** The focused tests that exercise this folder (globs, relative to the repository). */
  tests: string[];
}

// What each folder is mutated against: its unit tests and the integration tests that drive
// it through a real core. Files that only wire things together are left out (`!`).
const targets: Record<string, Target> = {
  uploads: {
    mutate: [
      'src-main/uploads/**/*.ts',
      '!src-main/uploads/upload-handlers.ts',
      '!src-main/uploads/job-edit-handlers.ts',
      '!src-main/uploads/runner-deps.ts',
    ],
    tests: [
      'test/unit/uploads/**/*.test.ts',
      'test/integration/uploads/{crash,faults,byte-exact,file-range-body,pause-held-bytes,session-uri-vault}.test.ts',
    ],
  },
  channels: {
    mutate: ['src-main/channels/**/*.ts', '!src-main/channels/create-channel-services.ts'],
    tests: [
      'test/unit/auth/**/*.test.ts',
      'test/integration/channels/**/*.test.ts',
      'test/integration/auth/**/*.test.ts',
    ],
  },
  vault: {
    mutate: ['src-main/vault/**/*.ts', '!src-main/vault/safe-storage-like.ts'],
    // core-wiring's "no session bus" case needs a process whose keyring library has not yet
    // connected; Stryker reuses its test processes. It tests the core's wiring, not the vault.
    tests: [
      'test/unit/vault/**/*.test.ts',
      'test/integration/vault/{key-file,keychain,lost-key-file,passphrase-api,passphrase-delay,passphrase-no-leak,vault}.test.ts',
    ],
  },
  cookies: {
    mutate: ['src-main/cookies/**/*.ts', '!src-main/cookies/create-cookies.ts'],
    tests: ['test/unit/cookies/**/*.test.ts', 'test/integration/cookies/*.test.ts'],
  },
  watch: {
    mutate: ['src-main/watch/**/*.ts'],
    tests: ['test/unit/watch/**/*.test.ts', 'test/integration/watch/*.test.ts'],
  },
  shared: {
    mutate: [
      'src-shared/domain/**/*.ts',
      'src-shared/publishing/**/*.ts',
      'src-shared/text/**/*.ts',
      'src-shared/watch/**/*.ts',
    ],
    tests: [
      'test/unit/domain/**/*.test.ts',
      'test/unit/publishing/**/*.test.ts',
      'test/unit/text/**/*.test.ts',
      'test/unit/watch/**/*.test.ts',
    ],
  },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in targets));
if (unknown.length > 0) {
  console.error(
    `npm run mutate: no folder named ${unknown.join(', ')}; choose from ${Object.keys(targets).join(', ')}.`,
  );
  process.exit(2);
}

const concurrency = Number(process.env.DROPLINE_MUTATE_CONCURRENCY ?? 2);
const scores: string[] = [];
for (const name of asked.length > 0 ? asked : Object.keys(targets)) {
  const target = targets[name]!;
  process.env.DROPLINE_MUTATE_TESTS = JSON.stringify(target.tests);
  const options: PartialStrykerOptions = {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'vitest.mutate.config.ts', related: false },
    mutate: target.mutate,
    coverageAnalysis: 'perTest',
    concurrency,
    incremental: true,
    incrementalFile: `reports/mutation/${name}.incremental.json`,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    timeoutMS: 30_000,
    thresholds: { high: 90, low: 80, break: null },
    ignoreStatic: true,
  };
  const results = await new Stryker(options).runMutationTest();
  const killed = results.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  const counted = results.filter(
    (m) => m.status !== 'CompileError' && m.status !== 'RuntimeError' && m.status !== 'Ignored',
  ).length;
  scores.push(
    `${name}: ${counted === 0 ? 'no mutants' : `${((100 * killed) / counted).toFixed(1)} % killed (${killed}/${counted})`}`,
  );
}
console.log(['', 'Mutation score per folder:', ...scores.map((line) => `  ${line}`)].join('\n'));
