import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { openEngine } from './support/test-engine.ts';
import { renderApp, screenHeading } from './support/render-app.tsx';

test('smoke', async () => {
  await openEngine();
  await renderApp('Settings');
  await expect.element(screenHeading('Settings')).toBeVisible();
  await expect.element(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
});
