import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { useDrop } from '../../src-renderer/screens/folders/drop-store.ts';
import { renderApp } from './support/render-app.tsx';
import { ALICE, ALICE_TRAVELS } from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

const preview = () => page.getByTestId('drop-preview');
const queueButton = () => preview().getByRole('button', { name: 'Queue', exact: true });

/** A desktop drop: the window knows the path (here one the engine need not read). */
async function dropOne(name: string) {
  useDrop.getState().open([{ file: new File(['x'], name), key: name, path: `/nowhere/${name}` }]);
  await expect.element(preview()).toBeVisible();
}

test('the drop preview shows the Studio details, and a blank row title is refused in place', async () => {
  const engine = await openEngine({ channels: [ALICE] });
  await renderApp('Folders');
  await dropOne('Soup night.mp4');
  const title = preview().getByRole('textbox', { name: 'Title for Soup night.mp4' });
  await expect.element(title).toHaveValue('Soup night');
  await expect.element(preview().getByRole('textbox', { name: 'Description' })).toBeVisible();
  await expect.element(preview().getByRole('combobox', { name: 'Visibility' })).toBeVisible();
  await preview().getByRole('checkbox', { name: 'Alice Cooks' }).click();
  await expect.element(queueButton()).toBeEnabled();
  await title.fill('   ');
  await expect.element(preview().getByText('The title is blank: type one')).toBeVisible();
  await expect.element(queueButton()).toBeDisabled();
  // The store refuses it too (a keyboard Enter or a stale click cannot slip through).
  await useDrop.getState().confirm(useDrop.getState().draft!, false);
  await expect
    .element(preview().getByText('Soup night.mp4: The title is blank: type one'))
    .toBeVisible();
  expect(await engine.invoke('jobs.list', {})).toEqual([]);
});

test('with two channels each has its own details; a broken own title blocks the drop', async () => {
  const engine = await openEngine({ channels: [ALICE, ALICE_TRAVELS] });
  await renderApp('Folders');
  await dropOne('Stew.mp4');
  await preview().getByRole('checkbox', { name: 'Alice Cooks' }).click();
  await preview().getByRole('checkbox', { name: 'Alice Travels' }).click();
  const travels = preview().getByRole('group', { name: 'Details for Alice Travels' });
  await travels.getByRole('switch', { name: 'Own details on Alice Travels', exact: false }).click();
  // Its own copy has a title (the drop's shared details do not: each row has one).
  await travels.getByRole('textbox', { name: 'Title' }).fill('x'.repeat(101));
  await expect.element(travels.getByText('The title is 101 characters; at most 100')).toBeVisible();
  await expect.element(queueButton()).toBeDisabled();
  expect(await engine.invoke('jobs.list', {})).toEqual([]);
});
