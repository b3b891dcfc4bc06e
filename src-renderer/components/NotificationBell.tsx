import { Bell } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { noticeTarget, type Notice } from '../../src-shared/domain/notice.ts';
import { api } from '../api/client.ts';
import { useNavigation } from '../state/navigation-store.ts';
import { useNoticeCentre } from '../state/notices-store.ts';
import './notification-bell.css';

function when(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ''
    : at.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

function UpdateButtons() {
  const [error, setError] = useState<string | null>(null);
  const install = (when: 'now' | 'when_idle') =>
    api.invoke('updates.install', { when }).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <div className="bell-actions">
      <button type="button" onClick={() => void install('now')}>
        Restart to install
      </button>
      <button type="button" onClick={() => void install('when_idle')}>
        When uploads finish
      </button>
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}

function Item({ notice, onOpen }: { notice: Notice; onOpen(n: Notice): void }) {
  return (
    <li
      className="bell-item"
      data-level={notice.level}
      data-read={notice.read || undefined}
      data-testid="notice-item"
    >
      <button type="button" className="bell-open" onClick={() => onOpen(notice)}>
        <span className="bell-title">
          {!notice.read && <span className="bell-dot" aria-label="unread" />}
          {notice.title}
        </span>
        <span className="bell-message">{notice.message}</span>
        <time className="bell-time" dateTime={notice.at}>
          {when(notice.at)}
        </time>
      </button>
      {notice.action === 'install_update' && <UpdateButtons />}
    </li>
  );
}

/**
 * The notification centre's bell: the unread count, and a panel listing the
 * stored notices (newest first). Opening one marks it read and shows its
 * screen; "Mark all read" clears the count. Self-contained, so the frame
 * only places it.
 */
export function NotificationBell({ compact = false }: { compact?: boolean }) {
  const { notices, unread, loaded, error, load, markRead, markAllRead } = useNoticeCentre();
  const go = useNavigation((s) => s.go);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (
        e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const openNotice = (n: Notice) => {
    void markRead([n.id]);
    go(noticeTarget(n).screen);
    setOpen(false);
  };
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <div className="bell" ref={root} data-compact={compact || undefined}>
      <button
        type="button"
        className="bell-button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <Bell size={20} aria-hidden="true" />
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
        {!compact && <span className="bell-label">Notifications</span>}
      </button>
      {open && (
        <div className="bell-panel" id={panelId} role="dialog" aria-label="Notifications">
          <div className="bell-head">
            <strong>Notifications</strong>
            <button type="button" disabled={unread === 0} onClick={() => void markAllRead()}>
              Mark all read
            </button>
          </div>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {!loaded ? (
            <p className="bell-empty" role="status">
              Loading notifications…
            </p>
          ) : notices.length === 0 ? (
            <p className="bell-empty">
              Nothing yet. Finished uploads and anything that needs you show up here.
            </p>
          ) : (
            <ul className="bell-list">
              {notices.map((n) => (
                <Item key={n.id} notice={n} onOpen={openNotice} />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
