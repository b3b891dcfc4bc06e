import { useState } from 'react';
import { webNotificationsSupported } from '../../state/web-notifications.ts';

/**
 * In a browser tab: asks the browser for permission to show Dropline's
 * notices as notifications, and says plainly what the browser decided.
 */
export function BrowserNotifications() {
  const [permission, setPermission] = useState<NotificationPermission | null>(() =>
    webNotificationsSupported() ? Notification.permission : null,
  );
  if (permission === null) return null;
  return (
    <div className="form" data-testid="browser-notifications" data-permission={permission}>
      {permission === 'default' && (
        <button
          type="button"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          Show notifications in this browser
        </button>
      )}
      {permission === 'granted' && (
        <p>This browser shows Dropline&apos;s notifications, for the kinds switched on below.</p>
      )}
      {permission === 'denied' && (
        <p className="muted">
          This browser blocks notifications from Dropline. Allow them in the browser&apos;s site
          settings for this page, then reload it.
        </p>
      )}
    </div>
  );
}
