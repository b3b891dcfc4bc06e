import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp, screenHeading } from './support/render-app.tsx';
import {
  ALICE,
  ALICE_TRAVELS,
  ENGINE_FAILURE,
  expectEngineFailureShown,
  expectNoAlert,
} from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

const channelList = () => page.getByRole('list', { name: 'Channels' });

test('empty: no channels yet, and how to connect one', async () => {
  await openEngine();
  await renderApp('Channels');
  await expect.element(screenHeading('Channels')).toBeVisible();
  await expect.element(page.getByText(/No channels yet\. Connect each of your/)).toBeVisible();
  expectNoAlert();
});

test('loading: no "No channels yet" before the engine answers; then the channel', async () => {
  const engine = await openEngine({ channels: [ALICE] });
  engine.hold('channels.list');
  await renderApp('Channels');
  await engine.heldCall('channels.list');
  await expect.element(screenHeading('Channels')).toBeVisible();
  // (A channels.changed event may bring the channel sooner; the empty text would be a lie.)
  expect(page.getByText(/No channels yet/).elements()).toHaveLength(0);
  engine.release('channels.list');
  await expect.element(channelList().getByText('Alice Cooks')).toBeVisible();
});

test('error: a failing list is shown in the engine’s words', async () => {
  const engine = await openEngine();
  engine.fail('channels.list', ENGINE_FAILURE);
  await renderApp('Channels');
  await expectEngineFailureShown();
});

test('populated: one card per connected channel', async () => {
  await openEngine({ channels: [ALICE, ALICE_TRAVELS] });
  await renderApp('Channels');
  await expect.element(channelList().getByText('Alice Cooks')).toBeVisible();
  await expect.element(channelList().getByText('Alice Travels')).toBeVisible();
  expect(channelList().getByRole('listitem').elements()).toHaveLength(2);
  // The summary is in a creator's words; the engine's token internals are not on screen.
  await expect.element(page.getByTestId('token-stats')).toHaveTextContent('2 channels connected');
  expect(document.body.textContent).not.toMatch(/Tokens in memory/i);
  expectNoAlert();
});

test("populated: each card shows the channel's picture, fetched through the engine as a data: URL", async () => {
  await openEngine({ channels: [ALICE] });
  await renderApp('Channels');
  await expect.element(channelList().getByText('Alice Cooks')).toBeVisible();
  await expect
    .poll(() => channelList().element().querySelector('img.avatar')?.getAttribute('src') ?? '')
    .toMatch(/^data:image\//);
});
