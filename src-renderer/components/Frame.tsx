import { ActionIcon, UnstyledButton } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import {
  CalendarClock,
  Cookie,
  FolderOpen,
  ListVideo,
  MonitorPlay,
  PanelLeftClose,
  PanelLeftOpen,
  Settings,
  type LucideIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { useConnection } from '../state/connection-store.ts';
import { screens, useNavigation, type ScreenId } from '../state/navigation-store.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { LazyTooltip } from './LazyTooltip.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { Notices } from './Notices.tsx';
import { VaultBanner } from './VaultBanner.tsx';
import './frame.css';

const items: Record<ScreenId, { label: string; icon: LucideIcon }> = {
  channels: { label: 'Channels', icon: MonitorPlay },
  folders: { label: 'Folders', icon: FolderOpen },
  queue: { label: 'Queue', icon: ListVideo },
  publishing: { label: 'Publishing', icon: CalendarClock },
  cookies: { label: 'Cookies', icon: Cookie },
  settings: { label: 'Settings', icon: Settings },
};

/**
 * The app frame: a skip link, the sidebar (a rail of icons below 900 px, or
 * when the user folds it), the banners every screen needs, and the toasts.
 */
export function Frame({
  children,
  prefetch,
}: {
  children: ReactNode;
  /** Starts loading a screen's code before its entry is clicked. */
  prefetch?: (screen: ScreenId) => void;
}) {
  const signedOut = useConnection((st) => st.link === 'unauthorized');
  const { screen, go } = useNavigation();
  const narrow = useMediaQuery('(max-width: 56.25em)', false, { getInitialValueInEffect: false });
  const [folded, setFolded] = useLocalStorage({
    key: 'dropline.sidebarFolded',
    defaultValue: false,
  });
  const rail = narrow || folded;
  return (
    <div className="frame" data-rail={rail || undefined}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">Dropline</span>
        </div>
        {screens.map((id) => {
          const { label, icon: Icon } = items[id];
          const button = (
            <UnstyledButton
              key={id}
              className="nav-item"
              data-active={id === screen || undefined}
              aria-current={id === screen ? 'page' : undefined}
              onClick={() => go(id)}
              // Its chunk starts loading on the way to the click, so the screen shows at once.
              onPointerEnter={() => prefetch?.(id)}
              onFocus={() => prefetch?.(id)}
            >
              <Icon size={20} aria-hidden="true" />
              <span className="nav-label">{label}</span>
            </UnstyledButton>
          );
          return rail ? (
            <LazyTooltip key={id} label={label} position="right">
              {button}
            </LazyTooltip>
          ) : (
            button
          );
        })}
        <NotificationBell compact={rail} />
        {!narrow && (
          <LazyTooltip label={folded ? 'Show labels' : 'Fold the sidebar'} position="right">
            <ActionIcon
              className="fold-button"
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={folded ? 'Show labels' : 'Fold the sidebar'}
              onClick={() => setFolded(!folded)}
            >
              {folded ? <PanelLeftOpen size={18} /> : <PanelLeftClose size={18} />}
            </ActionIcon>
          </LazyTooltip>
        )}
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        <ConnectionBanner />
        <VaultBanner />
        {/* Signed out, nothing can load: the banner says so once and says what to do, rather
            than each screen adding its own error and an empty state that is not true. */}
        {!signedOut && children}
      </main>
      <Notices />
    </div>
  );
}
