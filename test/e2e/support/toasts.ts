import type { Page } from 'playwright-core';

/**
 * Closes every toast on show, as a creator would before reaching what lies under them. A toast
 * that closes on its own meanwhile (an info one after 8 s) is simply gone: not an error.
 */
export async function closeToasts(page: Page): Promise<void> {
  const closers = page.getByRole('button', { name: /^Dismiss: / });
  while ((await closers.count()) > 0) {
    await closers
      .first()
      .click({ timeout: 5_000 })
      .catch(async (error: unknown) => {
        // Still there and not clickable is a real failure; gone is what toasts do.
        if ((await closers.count()) > 0 && (await closers.first().isVisible())) throw error;
      });
  }
}
