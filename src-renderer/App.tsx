import { Suspense, lazy } from 'react';
import { assertNever } from '../src-shared/domain/assert-never.ts';
import { Frame } from './components/Frame.tsx';
import { useDocumentTitle } from './document-title.ts';
import { useNavigation, type ScreenId } from './state/navigation-store.ts';
import { AppTheme } from './theme/AppTheme.tsx';

// Each screen is its own chunk, loaded when first shown: the main bundle is what every
// window needs (React, the frame, the API client, the stores), whichever screen it opens on.
const QueueScreen = lazy(() =>
  import('./screens/queue/QueueScreen.tsx').then((m) => ({ default: m.QueueScreen })),
);
const ChannelsScreen = lazy(() =>
  import('./screens/channels/ChannelsScreen.tsx').then((m) => ({ default: m.ChannelsScreen })),
);
const FoldersScreen = lazy(() =>
  import('./screens/folders/FoldersScreen.tsx').then((m) => ({ default: m.FoldersScreen })),
);
const CookiesScreen = lazy(() =>
  import('./screens/cookies/CookiesScreen.tsx').then((m) => ({ default: m.CookiesScreen })),
);
const SettingsScreen = lazy(() =>
  import('./screens/settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);
// The window-wide drop target and its pairing preview load right after the first screen.
const DropZone = lazy(() =>
  import('./screens/folders/DropZone.tsx').then((m) => ({ default: m.DropZone })),
);

function Screen({ id }: { id: ScreenId }) {
  switch (id) {
    case 'channels':
      return <ChannelsScreen />;
    case 'folders':
      return <FoldersScreen />;
    case 'queue':
      return <QueueScreen />;
    case 'cookies':
      return <CookiesScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return assertNever(id);
  }
}

export function App() {
  const screen = useNavigation((s) => s.screen);
  useDocumentTitle();
  return (
    <AppTheme>
      <Frame>
        <Suspense fallback={null}>
          <Screen id={screen} />
        </Suspense>
        <Suspense fallback={null}>
          <DropZone />
        </Suspense>
      </Frame>
    </AppTheme>
  );
}
