import { assertNever } from '../src-shared/domain/assert-never.ts';
import { Frame } from './components/Frame.tsx';
import { useDocumentTitle } from './document-title.ts';
import { ChannelsScreen } from './screens/channels/ChannelsScreen.tsx';
import { CookiesScreen } from './screens/cookies/CookiesScreen.tsx';
import { DropZone } from './screens/folders/DropZone.tsx';
import { FoldersScreen } from './screens/folders/FoldersScreen.tsx';
import { QueueScreen } from './screens/queue/QueueScreen.tsx';
import { SettingsScreen } from './screens/settings/SettingsScreen.tsx';
import { useNavigation, type ScreenId } from './state/navigation-store.ts';
import { AppTheme } from './theme/AppTheme.tsx';

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
        <Screen id={screen} />
        <DropZone />
      </Frame>
    </AppTheme>
  );
}
