import { useConnection } from '../state/connection-store.ts';

/** Shown whenever the headless socket is down; disappears when it is back. */
export function ConnectionBanner() {
  const link = useConnection((s) => s.link);
  if (link === 'open') return null;
  if (link === 'unauthorized') {
    return (
      <div
        className="banner banner-error"
        role="alert"
        data-testid="connection-banner"
        data-state="unauthorized"
      >
        This browser is not signed in to Dropline, so nothing here can load. Open the link that{' '}
        <code>dropline serve</code> printed, or run <code>dropline ui</code> on the Dropline machine
        for a new one (a link works once, in one browser).
      </div>
    );
  }
  return (
    <div
      className="banner banner-warning"
      role="status"
      data-testid="connection-banner"
      data-state={link}
    >
      {link === 'connecting' ? 'Connecting to Dropline…' : 'Connection lost, reconnecting…'}
    </div>
  );
}
