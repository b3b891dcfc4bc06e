import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { screens, type ScreenId } from './state/screens.ts';

// Each screen is its own chunk, loaded when first shown: the main bundle is what every
// window needs (React, the frame, the API client, the stores), whichever screen it opens on.
const loaders: Record<ScreenId, () => Promise<ComponentType>> = {
  queue: () => import('./screens/queue/QueueScreen.tsx').then((m) => m.QueueScreen),
  channels: () => import('./screens/channels/ChannelsScreen.tsx').then((m) => m.ChannelsScreen),
  folders: () => import('./screens/folders/FoldersScreen.tsx').then((m) => m.FoldersScreen),
  publishing: () =>
    import('./screens/publishing/PublishingScreen.tsx').then((m) => m.PublishingScreen),
  cookies: () => import('./screens/cookies/CookiesScreen.tsx').then((m) => m.CookiesScreen),
  settings: () => import('./screens/settings/SettingsScreen.tsx').then((m) => m.SettingsScreen),
};

const loaded = new Map<ScreenId, ComponentType>();
const loading = new Map<ScreenId, Promise<ComponentType>>();

/**
 * Starts loading a screen's chunk (once; again after a failure, such as the engine restarting)
 * and resolves with its component. Called before the first render for the first screen, and
 * when the pointer or focus reaches a screen's entry in the sidebar.
 */
export function loadScreen(id: ScreenId): Promise<ComponentType> {
  const known = loading.get(id);
  if (known) return known;
  const next = loaders[id]().then(
    (component) => {
      loaded.set(id, component);
      return component;
    },
    (error: unknown) => {
      loading.delete(id);
      throw error;
    },
  );
  loading.set(id, next);
  return next;
}

const lazyScreens = Object.fromEntries(
  screens.map((id) => [
    id,
    lazy(() => loadScreen(id).then((component) => ({ default: component }))),
  ]),
) as Record<ScreenId, LazyExoticComponent<ComponentType>>;

/**
 * The component that shows a screen: the screen itself when its chunk is in, else a lazy one that
 * suspends until it is. Rendering a loaded screen directly matters: React holds back what replaces
 * a Suspense fallback for up to 300 ms after the fallback showed, so a lazy first screen appeared
 * ~250 ms after its chunk had arrived. Pick it once per visit (useMemo on the screen), so a
 * re-render never swaps a lazy screen for the loaded one and remounts it.
 */
export function screenComponent(id: ScreenId): ComponentType {
  return loaded.get(id) ?? lazyScreens[id];
}
