// What every screen's state tests share: the error a failing engine call shows, and the
// sandbox channels the seeds connect.
import { expect } from 'vitest';
import { page } from 'vitest/browser';

export const ALICE = 'UCalice0000000000000000a';
export const ALICE_TRAVELS = 'UCalicebrand00000000000b';

/** The engine's answer when a test makes a call fail: the screen must show it as an alert. */
export const ENGINE_FAILURE = 'The database is locked by another process (test).';

/** The screen says what went wrong, in an alert, in the engine's own words. */
export async function expectEngineFailureShown(): Promise<void> {
  await expect
    .element(page.getByRole('alert').filter({ hasText: ENGINE_FAILURE }).first())
    .toBeVisible();
}

/** No alert anywhere on the page. */
export function expectNoAlert(): void {
  expect(page.getByRole('alert').elements()).toHaveLength(0);
}
