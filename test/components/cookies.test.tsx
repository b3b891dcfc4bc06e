import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp, screenHeading } from './support/render-app.tsx';
import { ENGINE_FAILURE, expectEngineFailureShown } from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

const labelsTable = () => page.getByTestId('cookie-labels');

test('empty: no cookie files yet', async () => {
  await openEngine();
  await renderApp('Cookies');
  await expect.element(screenHeading('Cookies')).toBeVisible();
  await expect.element(page.getByText('No cookie files yet.')).toBeVisible();
});

test('loading: neither the empty text nor a label until the engine answers', async () => {
  const engine = await openEngine({ cookies: ['main'] });
  engine.hold('cookies.list');
  await renderApp('Cookies');
  await engine.heldCall('cookies.list');
  await expect.element(screenHeading('Cookies')).toBeVisible();
  expect(page.getByText('No cookie files yet.').elements()).toHaveLength(0);
  expect(labelsTable().elements()).toHaveLength(0);
  engine.release('cookies.list');
  await expect
    .element(labelsTable().getByRole('cell', { name: 'main', exact: true }))
    .toBeVisible();
});

test('error: a failing list is shown in the engine’s words', async () => {
  const engine = await openEngine();
  engine.fail('cookies.list', ENGINE_FAILURE);
  await renderApp('Cookies');
  await expectEngineFailureShown();
});

test('populated: one row per label, never a cookie value', async () => {
  await openEngine({ cookies: ['main', 'backup-account'] });
  await renderApp('Cookies');
  await expect
    .element(labelsTable().getByRole('cell', { name: 'main', exact: true }))
    .toBeVisible();
  await expect
    .element(labelsTable().getByRole('cell', { name: 'backup-account', exact: true }))
    .toBeVisible();
  expect(document.body.textContent).not.toMatch(/__Secure-3PSID\s*[0-9a-f]{32}/);
});

test("yt-dlp's status shows even when the updater cannot answer; a failed look is said, not 'Looking…' forever", async () => {
  const engine = await openEngine();
  engine.fail('updates.status', ENGINE_FAILURE);
  await renderApp('Cookies');
  await expect.element(page.getByTestId('tool-yt-dlp')).toBeVisible();
  engine.fail('tools.status', ENGINE_FAILURE);
  engine.recover('updates.status');
  // A new look at the programs (a settings change triggers one) that fails keeps what was known.
  await engine.invoke('settings.set', { bandwidthLimitKiBps: 1 });
  await expect.element(page.getByTestId('tool-yt-dlp')).toBeVisible();
});

test('a failed first look at yt-dlp is said in the engine’s words', async () => {
  const engine = await openEngine();
  engine.fail('tools.status', ENGINE_FAILURE);
  await renderApp('Cookies');
  await expect.element(page.getByText(/^Could not ask the engine about yt-dlp: /)).toBeVisible();
  expect(page.getByText(/Looking for yt-dlp/).elements()).toHaveLength(0);
});
