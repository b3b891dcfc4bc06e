import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { CHROMIUM_PATH, systemTools } from './test/helpers/system-tools.ts';

// React screens in real Chromium: vitest browser mode driving Debian's Chromium through
// Playwright (no browser download). Without Chromium the project is left out; the global
// set-up's line names the package (and with CI=true fails the run).
const components: TestProjectInlineConfiguration = {
  extends: true,
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    name: 'components',
    include: ['test/components/**/*.test.tsx'],
    globalSetup: ['test/components/support/global-setup.ts'],
    setupFiles: ['test/components/support/setup.ts'],
    // Bounds, not asserts: a loaded 2-core machine once took 30 s to fill a field.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium', viewport: { width: 1100, height: 800 } }],
    },
  },
};

// Four projects (unit, integration, e2e, components) behind one `npm test`.
// Fitted to a 2-core machine: two workers, forks wherever native modules or child processes run.
export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    reporters: ['default', './test/reporters/summary.ts'],
    maxWorkers: 2,
    // expect.poll waits for something that will happen (an event, a render); its default of
    // one second failed a component test at load 16. How long it took is never the assert.
    expect: { poll: { timeout: 15_000 } },
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
      ...(systemTools.chromium.available() ? [components] : []),
    ],
  },
});
