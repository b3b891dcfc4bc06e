import type { ReactNode } from 'react';
import { screens, useNavigation, type ScreenId } from '../state/navigation-store.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { Notices } from './Notices.tsx';
import { VaultBanner } from './VaultBanner.tsx';

const labels: Record<ScreenId, string> = {
  channels: 'Channels',
  folders: 'Folders',
  queue: 'Queue',
  cookies: 'Cookies',
  settings: 'Settings',
};

export function Frame({ children }: { children: ReactNode }) {
  const { screen, go } = useNavigation();
  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">Dropline</div>
        {screens.map((id) => (
          <button
            key={id}
            type="button"
            className={id === screen ? 'nav-item active' : 'nav-item'}
            aria-current={id === screen ? 'page' : undefined}
            onClick={() => go(id)}
          >
            {labels[id]}
          </button>
        ))}
      </nav>
      <main className="content">
        <ConnectionBanner />
        <VaultBanner />
        {children}
      </main>
      <Notices />
    </div>
  );
}
