import { useChannels } from '../../state/channels-store.ts';

/** Start a sign-in; while it runs, show where to finish it and a Cancel button. */
export function ConnectPanel() {
  const { client, connecting, connectMessage, connect, cancelConnect, mode } = useChannels();
  const ready = client?.configured === true;
  return (
    <div className="connect-panel">
      {connecting ? (
        <div className="panel" role="status" data-testid="connect-pending">
          <p>
            {mode === 'desktop'
              ? 'Finish the sign-in in your browser, then come back here.'
              : 'Open Google sign-in, choose the channel and allow access, then come back here.'}
          </p>
          <p>
            <a
              href={connecting.authorizationUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="authorization-link"
            >
              Open Google sign-in
            </a>
          </p>
          {connecting.alreadyWaiting && (
            <p className="muted" data-testid="sign-in-already-waiting">
              A sign-in is already waiting, started from another window or the command line:{' '}
              <a
                href={connecting.alreadyWaiting.authorizationUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                open that one
              </a>{' '}
              instead if it is still open in your browser.
            </p>
          )}
          <button type="button" onClick={() => void cancelConnect()}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="primary" disabled={!ready} onClick={() => void connect()}>
          Connect a channel
        </button>
      )}
      {!ready && <p className="muted">Set up the Google OAuth client first.</p>}
      {connectMessage && (
        <p
          className={connectMessage.ok ? 'ok-text' : 'error-text'}
          role={connectMessage.ok ? 'status' : 'alert'}
          data-testid="connect-message"
        >
          {connectMessage.text}
        </p>
      )}
    </div>
  );
}
