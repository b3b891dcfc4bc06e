import { create } from 'zustand';
import { screens, type ScreenId } from './screens.ts';

export { screens, type ScreenId };

function fromHash(): ScreenId {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (screens as readonly string[]).includes(name) ? (name as ScreenId) : 'queue';
}

interface NavigationState {
  screen: ScreenId;
  go(screen: ScreenId): void;
}

/** The current screen lives in the URL hash, so reloads and bookmarks keep it. */
export const useNavigation = create<NavigationState>((set) => ({
  screen: window.location.hash.startsWith('#token=') ? 'queue' : fromHash(),
  go(screen) {
    window.history.replaceState(null, '', `#/${screen}`);
    set({ screen });
  },
}));

// The desktop app asks for a screen when a notification, the tray or the menu is clicked.
window.dropline?.onOpen?.((target) => {
  if ((screens as readonly string[]).includes(target.screen))
    useNavigation.getState().go(target.screen as ScreenId);
});
