import { noticeKindSetting, noticeTarget, type Notice } from '../../src-shared/domain/notice.ts';
import type { Settings } from '../../src-shared/domain/settings.ts';
import { api } from '../api/client.ts';
import { useNavigation } from './navigation-store.ts';

/**
 * Notices as the browser's own notifications, for Dropline in a browser tab
 * (`dropline serve`). The desktop app shows OS notifications from its main
 * process instead (app.info's mode says which), so a desktop window never
 * adds a second one.
 */
export function webNotificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

/** Whether a notice becomes a notification: allowed by the browser, on in Settings, for its kind. */
export function showsAsWebNotification(
  notice: Pick<Notice, 'kind'>,
  settings: Pick<Settings, 'notifications'> & Partial<Settings>,
  permission: NotificationPermission,
): boolean {
  if (permission !== 'granted' || !settings.notifications) return false;
  const key = noticeKindSetting[notice.kind];
  return key === null || settings[key] !== false;
}

let settings: Settings | null = null;
let desktop: boolean | null = null;
api.on('settings.changed', (next) => {
  settings = next;
});

async function show(notice: Notice): Promise<void> {
  if (!webNotificationsSupported() || Notification.permission !== 'granted') return;
  desktop ??= (await api.invoke('app.info', {})).mode === 'desktop';
  if (desktop) return;
  settings ??= await api.invoke('settings.get', {});
  if (!showsAsWebNotification(notice, settings, Notification.permission)) return;
  const shown = new Notification(notice.title, { body: notice.message, tag: notice.id });
  shown.onclick = () => {
    window.focus();
    useNavigation.getState().go(noticeTarget(notice).screen);
  };
}

api.on('app.noticed', (notice) => {
  void show(notice).catch(() => undefined);
});
