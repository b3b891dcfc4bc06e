// `npm run mutate [-- folder ...]`: StrykerJS mutation testing, one folder at a time, in
// incremental mode (a rerun only tests mutants whose code or tests changed since the last).
// Not part of `npm test` or CI: it is slow on two cores. Reports go to reports/mutation/.
import { Stryker } from '@stryker-mutator/core';

type PartialStrykerOptions = NonNullable<ConstructorParameters<typeof Stryker>[0]>;

interface Target {
  mutate: string[];
  /** The focused tests that exercise this folder (globs, relative to the repository). */
  tests: string[];
  /** Tests left out by name: too slow once instrumented, and covering nothing the rest miss. */
  skip?: string;
}

// What each folder is mutated against: its unit tests and the fast integration tests that
// drive it on real SQLite, real files and fake clocks.
// The focus is the logic a plausible bug would break; each folder's API handlers and
// service wiring are left out (`!`): the core and e2e tests cover them, and running those per
// mutant would take days on two cores.
const targets: Record<string, Target> = {
  uploads: {
    mutate: [
      'src-main/uploads/{backoff,bandwidth-limiter,chunk-sizer,file-range-body,held-bytes,piece-buffers,progress-meter,validate-metadata,outcome,upload-checks,queued-file-check}.ts',
    ],
    // byte-exact and pause-held-bytes start a whole engine per file (minutes per mutant once
    // instrumented); the unit tests of held-bytes, outcome and the rest cover the same logic.
    tests: [
      'test/unit/uploads/**/*.test.ts',
      'test/integration/uploads/file-range-body.test.ts',
    ],
  },
  channels: {
    mutate: ['src-main/channels/{token-manager,refresh-limiter,backoff}.ts'],
    tests: [
      'test/unit/channels/**/*.test.ts',
      'test/integration/channels/{refresh-scheduler,refresh-rotation}.test.ts',
    ],
    // The two long fake-clock runs take 30-40 s each uninstrumented, per mutant; the unit tests of
    // test/unit/channels pin the same timing on small cases.
    skip: '5-hour soak|200 channels',
  },
  vault: {
    mutate: [
      'src-main/vault/{vault,aead,secret-ref,vault-tables,key-file-provider,passphrase-provider}.ts',
    ],
    // test/unit/vault/vault.test.ts drives the vault on in-memory SQLite with in-memory key
    // providers; the integration tests (scrypt at full cost, a whole core) took an hour here.
    tests: ['test/unit/vault/**/*.test.ts', 'test/integration/vault/key-file.test.ts'],
  },
  cookies: {
    mutate: ['src-main/cookies/{netscape-parser,cookie-summary,ytdlp-output,ytdlp-args}.ts'],
    tests: ['test/unit/cookies/**/*.test.ts'],
  },
  watch: {
    mutate: ['src-main/watch/{stable-gate,sidecar,sidecar-parser,fingerprint,tree-watcher}.ts'],
    // The tree watcher drives chokidar on real folders: its integration test takes seconds.
    tests: ['test/unit/watch/**/*.test.ts', 'test/integration/watch/tree-watcher.test.ts'],
    // That test runs the watcher as "nobody", who cannot read Stryker's sandbox (mode 700).
    skip: 'may not read',
  },
  shared: {
    mutate: [
      'src-shared/domain/{metadata-limits,settings}.ts',
      'src-shared/text/**/*.ts',
      'src-shared/watch/{pairing,field-map,template,similarity}.ts',
    ],
    tests: [
      'test/unit/domain/**/*.test.ts',
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
  process.env.DROPLINE_MUTATE_SKIP = target.skip ?? '';
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
    // A mutant that hangs a test (a retry loop that never ends) is a kill: 10 s past the
    // measured run is ample on two loaded cores and does not spend half a minute on each.
    timeoutMS: 10_000,
    thresholds: { high: 90, low: 80, break: null },
    ignoreStatic: true,
  };
  try {
    const results = await new Stryker(options).runMutationTest();
    const killed = results.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
    const counted = results.filter(
      (m) => m.status !== 'CompileError' && m.status !== 'RuntimeError' && m.status !== 'Ignored',
    ).length;
    scores.push(
      `${name}: ${counted === 0 ? 'no mutants' : `${((100 * killed) / counted).toFixed(1)} % killed (${killed}/${counted})`}`,
    );
  } catch (error) {
    // One folder's failed dry run (a failing test) does not stop the others.
    scores.push(`${name}: not measured (${(error as Error).message})`);
    process.exitCode = 1;
  }
}
console.log(['', 'Mutation score per folder:', ...scores.map((line) => `  ${line}`)].join('\n'));
