import type { Page } from 'playwright-core';

/**
 * Until a "Queue" heading is in the page, looked for on every animation frame: a locator's
 * waitFor retries at growing intervals (up to 500 ms), which rounded the slower page up.
 * The start-up benches all wait for the first screen this same way, so their times compare.
 */
export const queueHeadingShown = (page: Page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('h1, h2, h3')].some((h) => h.textContent?.trim() === 'Queue'),
    undefined,
    { polling: 'raf' },
  );
