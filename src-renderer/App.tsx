import { Suspense, lazy } from 'react';
import { assertNever } from '../src-shared/domain/assert-never.ts';
import { Frame } from './components/Frame.tsx';
// Eager, unlike the screens: a file dropped before a lazy listener loaded would make the
// browser leave Dropline to show the file. Its pairing preview is the lazy part.
import { DropZone } from './screens/folders/DropZone.tsx';
import { useDocumentTitle } from './document-title.ts';
import { FirstScreenMark } from './boot/first-screen.ts';
import { useNavigation, type ScreenId } from './state/navigation-store.ts';
import { AppTheme } from './theme/AppTheme.tsx';
// Notices as browser notifications in a tab (a desktop window has OS notifications).
import './state/web-notifications.ts';

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
const PublishingScreen = lazy(() =>
  import('./screens/publishing/PublishingScreen.tsx').then((m) => ({
    default: m.PublishingScreen,
  })),
);
const CookiesScreen = lazy(() =>
  import('./screens/cookies/CookiesScreen.tsx').then((m) => ({ default: m.CookiesScreen })),
);
const SettingsScreen = lazy(() =>
  import('./screens/settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);

function Screen({ id }: { id: ScreenId }) {
  switch (id) {
    case 'channels':
      return <ChannelsScreen />;
    case 'folders':
      return <FoldersScreen />;
    case 'queue':
      return <QueueScreen />;
    case 'publishing':
      return <PublishingScreen />;
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
          <FirstScreenMark />
        </Suspense>
        <DropZone />
      </Frame>
    </AppTheme>
  );
}
