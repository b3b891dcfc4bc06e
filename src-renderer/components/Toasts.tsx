import { Notifications, notifications } from '@mantine/notifications';
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';
import { useEffect } from 'react';
import type { Notice } from '../../src-shared/domain/notice.ts';
import { useNotices } from '../state/notice-store.ts';

const colors: Record<Notice['level'], string> = { info: 'blue', warning: 'yellow', error: 'red' };

/** Notices from the engine as toasts (Mantine notifications: stacked, dismissable, announced). */
export default function Toasts() {
  useEffect(() => {
    const shown = new Set<string>();
    const show = (list: Notice[]) => {
      for (const n of list) {
        if (shown.has(n.id)) continue;
        shown.add(n.id);
        notifications.show({
          id: n.id,
          title: n.title,
          message: n.message,
          color: colors[n.level],
          autoClose: n.level === 'error' ? false : 8000,
          onClose: () => useNotices.getState().dismiss(n.id),
          // Mantine's close button has no name of its own; screen readers need one.
          closeButtonProps: { 'aria-label': `Dismiss: ${n.title}` },
        });
      }
    };
    show(useNotices.getState().notices);
    return useNotices.subscribe((s) => show(s.notices));
  }, []);
  return <Notifications position="bottom-right" limit={5} />;
}
