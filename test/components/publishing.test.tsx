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

const scheduleOf = (title: string) => page.getByRole('article', { name: `Schedule of ${title}` });

test('empty: connect a channel first, no presets yet', async () => {
  await openEngine();
  await renderApp('Publishing');
  await expect.element(screenHeading('Publishing')).toBeVisible();
  await expect
    .element(page.getByText('Connect a channel on the Channels screen first.'))
    .toBeVisible();
  await expect.element(page.getByText('No presets yet.')).toBeVisible();
  expectNoAlert();
});

test('loading: no schedule card nor presets text until the engine answers', async () => {
  const engine = await openEngine({ channels: [ALICE] });
  engine.hold('schedules.list');
  await renderApp('Publishing');
  await engine.heldCall('schedules.list');
  await expect.element(screenHeading('Publishing')).toBeVisible();
  expect(page.getByText('No presets yet.').elements()).toHaveLength(0);
  expectNoAlert();
  engine.release('schedules.list');
  await expect.element(scheduleOf('Alice Cooks')).toBeVisible();
  await expect.element(page.getByText('No presets yet.')).toBeVisible();
});

test('error: a failing schedules list is shown in the engine’s words', async () => {
  const engine = await openEngine({ channels: [ALICE] });
  engine.fail('schedules.list', ENGINE_FAILURE);
  await renderApp('Publishing');
  await expectEngineFailureShown();
});

test('populated: a schedule card per connected channel and the saved presets', async () => {
  const engine = await openEngine({ channels: [ALICE, ALICE_TRAVELS] });
  await engine.invoke('presets.set', {
    name: 'Weeknight',
    channelId: null,
    fields: { tags: ['dinner'], privacy: 'private' },
  });
  await renderApp('Publishing');
  await expect.element(scheduleOf('Alice Cooks')).toBeVisible();
  await expect.element(scheduleOf('Alice Travels')).toBeVisible();
  await expect
    .element(page.getByRole('region', { name: 'Presets' }).getByText('Weeknight').first())
    .toBeVisible();
  expectNoAlert();
});
