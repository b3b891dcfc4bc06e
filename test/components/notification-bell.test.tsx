// The bell's panel in each of its states. It loads the stored notices itself, so a
// panel opened before they arrive must say so, not claim there is nothing.
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp } from './support/render-app.tsx';
import { ENGINE_FAILURE, expectNoAlert } from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

const bell = () => page.getByRole('button', { name: /^Notifications/ });
const panel = () => page.getByRole('dialog', { name: 'Notifications' });
const items = () => panel().getByTestId('notice-item');
const upload = (title: string) =>
  ({ level: 'info', kind: 'upload_done', title, message: 'It is on YouTube.' }) as const;

test('loading: an open panel says the notices are on their way, not that there are none', async () => {
  const engine = await openEngine();
  engine.hold('notices.list');
  await renderApp('Queue');
  await engine.heldCall('notices.list');
  await bell().click();
  await expect.element(panel().getByRole('status')).toHaveTextContent('Loading notifications…');
  expect(
    panel()
      .getByText(/Nothing yet/)
      .elements(),
  ).toHaveLength(0);
  engine.release('notices.list');
  await expect.element(panel().getByText(/Nothing yet/)).toBeVisible();
  expect(panel().getByRole('status').elements()).toHaveLength(0);
  expectNoAlert();
});

test('empty: nothing to read, and nothing to mark read', async () => {
  await openEngine();
  await renderApp('Queue');
  await bell().click();
  await expect.element(panel().getByText(/Nothing yet/)).toBeVisible();
  await expect.element(panel().getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  await expect
    .element(page.getByRole('button', { name: 'Notifications', exact: true }))
    .toBeVisible();
});

test('error: a failing list is shown in the engine’s words inside the panel', async () => {
  const engine = await openEngine();
  engine.fail('notices.list', ENGINE_FAILURE);
  await renderApp('Queue');
  await bell().click();
  await expect.element(panel().getByRole('alert')).toHaveTextContent(ENGINE_FAILURE);
});

test('populated: the count, newest first, and Mark all read clears it in the engine too', async () => {
  const engine = await openEngine();
  engine.postNotice(upload('Uploaded "first"'));
  engine.postNotice(upload('Uploaded "second"'));
  await renderApp('Queue');
  await expect.element(page.getByRole('button', { name: 'Notifications, 2 unread' })).toBeVisible();
  await bell().click();
  await expect.element(items().nth(1)).toBeVisible();
  expect(
    items()
      .elements()
      .map((e) => e.querySelector('.bell-title')?.textContent),
  ).toEqual(['Uploaded "second"', 'Uploaded "first"']);
  await panel().getByRole('button', { name: 'Mark all read' }).click();
  await expect
    .element(page.getByRole('button', { name: 'Notifications', exact: true }))
    .toBeVisible();
  expect(
    items()
      .elements()
      .filter((e) => e.hasAttribute('data-read')),
  ).toHaveLength(2);
  await expect.poll(async () => (await engine.invoke('notices.list', {})).unread).toBe(0);
});
