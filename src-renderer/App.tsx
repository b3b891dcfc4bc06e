import { Suspense, useMemo } from 'react';
import { Frame } from './components/Frame.tsx';
// Eager, unlike the screens: a file dropped before a lazy listener loaded would make the
// browser leave Dropline to show the file. Its pairing preview is the lazy part.
import { DropZone } from './screens/folders/DropZone.tsx';
import { useDocumentTitle } from './document-title.ts';
import { FirstScreenMark } from './boot/first-screen.ts';
import { loadScreen, screenComponent } from './screen-modules.ts';
import { useNavigation, type ScreenId } from './state/navigation-store.ts';
import { AppTheme } from './theme/AppTheme.tsx';
// Notices as browser notifications in a tab (a desktop window has OS notifications).
import './state/web-notifications.ts';

/** The current screen; a new visit picks its component again (see screenComponent). */
function Screen({ id }: { id: ScreenId }) {
  const Component = useMemo(() => screenComponent(id), [id]);
  return <Component />;
}

// A failed prefetch is not an error to show: the visit itself asks again.
const prefetchScreen = (id: ScreenId): void => void loadScreen(id).catch(() => {});

export function App() {
  const screen = useNavigation((s) => s.screen);
  useDocumentTitle();
  return (
    <AppTheme>
      <Frame prefetch={prefetchScreen}>
        <Suspense fallback={null}>
          <Screen id={screen} />
          <FirstScreenMark />
        </Suspense>
        <DropZone />
      </Frame>
    </AppTheme>
  );
}
