import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp, screenHeading } from './support/render-app.tsx';
import {
  ALICE,
  ENGINE_FAILURE,
  expectEngineFailureShown,
  expectNoAlert,
} from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

const folderHeadings = () =>
  page.getByRole('heading', { level: 3 }).filter({ hasText: /watched-\d/ });

test('empty: no folder card, the form to watch one', async () => {
  await openEngine();
  await renderApp('Folders');
  await expect.element(screenHeading('Folders')).toBeVisible();
  await expect.element(page.getByRole('heading', { name: 'Watch a folder' })).toBeVisible();
  expect(folderHeadings().elements()).toHaveLength(0);
  expectNoAlert();
});

test('loading: the form and no card while the list is on its way', async () => {
  // No seeded folder: a watched one announces itself (folders.changed) and would fill the
  // screen without the list.
  const engine = await openEngine({ channels: [ALICE] });
  engine.hold('folders.list');
  await renderApp('Folders');
  await engine.heldCall('folders.list');
  await expect.element(screenHeading('Folders')).toBeVisible();
  await expect.element(page.getByRole('heading', { name: 'Watch a folder' })).toBeVisible();
  expect(folderHeadings().elements()).toHaveLength(0);
  expectNoAlert();
  engine.release('folders.list');
  await expect.poll(() => engine.invoke('folders.list', {})).toEqual([]);
  expectNoAlert();
});

test('error: a failing list is shown in the engine’s words', async () => {
  const engine = await openEngine();
  engine.fail('folders.list', ENGINE_FAILURE);
  await renderApp('Folders');
  await expectEngineFailureShown();
});

test('populated: a card per watched folder, named by its path', async () => {
  await openEngine({ channels: [ALICE], folders: 2 });
  await renderApp('Folders');
  await expect.element(folderHeadings().first()).toBeVisible();
  expect(folderHeadings().elements()).toHaveLength(2);
  expectNoAlert();
});
