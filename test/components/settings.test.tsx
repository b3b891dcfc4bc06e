import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp, screenHeading } from './support/render-app.tsx';
import { ENGINE_FAILURE, expectNoAlert } from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

const theme = () => page.getByRole('combobox', { name: 'Theme' });

test('empty (a fresh install): the defaults, theme following the system', async () => {
  await openEngine();
  await renderApp('Settings');
  await expect.element(screenHeading('Settings')).toBeVisible();
  await expect.element(theme()).toHaveValue('system');
  expectNoAlert();
});

test('loading: "Loading…" and no form until the engine answers', async () => {
  const engine = await openEngine();
  engine.hold('settings.get');
  await renderApp('Settings');
  await engine.heldCall('settings.get');
  await expect.element(page.getByText('Loading…')).toBeVisible();
  expect(theme().elements()).toHaveLength(0);
  engine.release('settings.get');
  await expect.element(theme()).toBeVisible();
});

test('error: a failing read is shown in the engine’s words instead of the form', async () => {
  const engine = await openEngine();
  engine.fail('settings.get', ENGINE_FAILURE);
  await renderApp('Settings');
  await expect.element(page.getByText(ENGINE_FAILURE)).toBeVisible();
  expect(theme().elements()).toHaveLength(0);
});

test('populated: what was saved (by another client) is what the form shows', async () => {
  const engine = await openEngine();
  await engine.invoke('settings.set', { theme: 'dark' });
  await renderApp('Settings');
  await expect.element(theme()).toHaveValue('dark');
  // A program's own status may be an alert (Debian's yt-dlp is too old) once the engine has
  // looked, which can come before or after this line: only the screen's own errors count here.
  const alerts = page.getByRole('alert').elements();
  expect(alerts.filter((el) => !el.getAttribute('data-testid')?.startsWith('tool-'))).toHaveLength(
    0,
  );
});
