import { defineConfig } from 'vitest/config';

// Four projects (unit, integration, e2e, components) behind one `npm test`.
// Fitted to a 2-core machine: two workers, forks wherever native modules or child processes run.
export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    reporters: ['default', './test/reporters/summary.ts'],
    maxWorkers: 2,
    env: { DROPLINE_LOG_LEVEL: process.env.DROPLINE_LOG_LEVEL ?? 'debug' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
