import type { OpenTarget } from '../../src-shared/api/desktop.ts';
import { noticeKindSetting, noticeTarget, type Notice } from '../../src-shared/domain/notice.ts';
import type { Settings } from '../../src-shared/domain/settings.ts';
import type { ElectronLike, NotificationLike } from './electron-like.ts';

export type { OpenTarget };

export function targetOf(notice: Notice): OpenTarget {
  return noticeTarget(notice);
}

/** The master switch and the kind's own switch both on (a `general` notice follows the master). */
export function wantsOsNotification(settings: Settings, kind: Notice['kind']): boolean {
  if (!settings.notifications) return false;
  const key = noticeKindSetting[kind] satisfies keyof Settings | null;
  return key === null ? true : settings[key];
}

/**
 * Each stored notice also becomes an OS notification when Settings allow its
 * kind; a click marks it read and opens the screen it is about.
 */
export function showOsNotification(
  electron: ElectronLike,
  notice: Notice,
  settings: Settings,
  onClick: (notice: Notice, target: OpenTarget) => void,
): NotificationLike | null {
  if (!wantsOsNotification(settings, notice.kind) || !electron.Notification.isSupported())
    return null;
  const shown = new electron.Notification({ title: notice.title, body: notice.message });
  shown.on('click', () => onClick(notice, targetOf(notice)));
  shown.show();
  return shown;
}
