import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import { App } from '../../src-renderer/App.tsx';
import { loadScreen } from '../../src-renderer/screen-modules.ts';
import { useNavigation } from '../../src-renderer/state/navigation-store.ts';
import { navItem } from './support/render-app.tsx';
import { openEngine } from './support/test-engine.ts';

// What is on show right now, read once: no waiting, unlike expect.element.
const shownHeading = () => document.querySelector('main h2')?.textContent ?? null;
const requested = (file: string) =>
  performance.getEntriesByType('resource').some((r) => r.name.includes(file));

test('a screen whose code is in shows in the first commit, not after a Suspense reveal', async () => {
  await openEngine();
  useNavigation.setState({ screen: 'settings' });
  // What main.tsx does for the first screen before rendering the window.
  await loadScreen('settings');
  const root = createRoot(document.body.appendChild(document.createElement('div')));
  try {
    // The first commit, synchronously: a lazy screen would show its (empty) fallback in it.
    flushSync(() =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
    expect(shownHeading()).toBe('Settings');
  } finally {
    root.unmount();
  }
});

test("the pointer on a sidebar entry loads its screen's code, and the click then shows it at once", async () => {
  await openEngine();
  useNavigation.setState({ screen: 'queue' });
  await render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  expect(requested('PublishingScreen')).toBe(false);
  await navItem('Publishing').hover();
  await expect.poll(() => requested('PublishingScreen')).toBe(true);
  await loadScreen('publishing'); // the same load the pointer started: now in
  await navItem('Publishing').click();
  expect(shownHeading()).toBe('Publishing');
});
