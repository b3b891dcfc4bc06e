// Renders the whole app (frame, banners, the screen) as a user sees it, against the test engine.
import { StrictMode } from 'react';
import { page } from 'vitest/browser';
import { render, type RenderResult } from 'vitest-browser-react';
import '../../../src-renderer/styles.css';
import { App } from '../../../src-renderer/App.tsx';

interface StoreLike {
  getInitialState(): unknown;
  setState(state: unknown, replace: true): void;
}
const isStore = (value: unknown): value is StoreLike =>
  typeof value === 'function' && 'getInitialState' in value && 'setState' in value;

// Every zustand store of the renderer, found by name so a new or renamed store is reset too.
const storeModules = import.meta.glob<Record<string, unknown>>(
  '../../../src-renderer/**/*-store.ts',
  { eager: true },
);

/**
 * Puts every store back to its first state, so each test starts like a freshly opened window.
 * The link state stays: the bridge reported "open" once, when the renderer was loaded.
 */
export function resetRendererState(): void {
  for (const [path, exports] of Object.entries(storeModules)) {
    if (path.endsWith('/connection-store.ts')) continue;
    for (const value of Object.values(exports))
      if (isStore(value)) value.setState(value.getInitialState(), true);
  }
}

export type ScreenName = 'Queue' | 'Channels' | 'Folders' | 'Publishing' | 'Cookies' | 'Settings';

/** The sidebar entry that opens a screen. */
export const navItem = (name: ScreenName) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });

/** Renders the app and, when asked, goes to one screen the way a user does (the sidebar). */
export async function renderApp(screen?: ScreenName): Promise<RenderResult> {
  const result = await render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (screen) await navItem(screen).click();
  return result;
}

/** The screen's own heading: the screen is on show. */
export const screenHeading = (name: ScreenName) =>
  page.getByRole('heading', { level: 2, name, exact: true });
