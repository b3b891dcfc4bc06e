import { useState, type DragEvent } from 'react';
import { inputLimits, tooLargeMessage } from '../../../src-shared/domain/input-limits.ts';
import { useChannels } from '../../state/channels-store.ts';

/**
 * The user's own Google OAuth client: drop or pick client_secret.json, or
 * paste its contents, or type id and secret. Validation happens in the engine.
 */
export function ClientSetup() {
  const { client, clientError, setClient } = useChannels();
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const [id, setId] = useState('');
  const [secret, setSecret] = useState('');
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const limit = inputLimits.clientSecretBytes;

  const submitText = async (fileText: string) => {
    setTooLarge(null);
    if (fileText.length > limit) {
      setTooLarge(tooLargeMessage('client secret file', 'The pasted text', fileText.length, limit));
      return;
    }
    if (await setClient({ fileText })) setOpen(false);
  };
  // The size is checked before the file is read: a wrong pick is refused here, not by the engine.
  const submitFile = async (file: File) => {
    if (file.size > limit) {
      setTooLarge(tooLargeMessage('client secret file', file.name, file.size, limit));
      return;
    }
    await submitText(await file.text());
  };
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) await submitFile(file);
  };
  const error = tooLarge ?? clientError;

  if (client?.configured && !open)
    return (
      <div className="client-summary" data-testid="client-summary">
        Google OAuth client: <code>{client.clientId}</code>
        {client.projectId && <> (project {client.projectId})</>}{' '}
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Change
        </button>
      </div>
    );

  return (
    <section className="panel" aria-labelledby="client-setup-title">
      <h3 id="client-setup-title">Google OAuth client</h3>
      <p>
        Dropline signs in with your own Google Cloud OAuth client of type{' '}
        <strong>Desktop app</strong>. Download its <code>client_secret.json</code> and drop it here.
      </p>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="client-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        Drop client_secret.json here, or{' '}
        <label className="link-button">
          pick the file
          <input
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="client-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void submitFile(file);
            }}
          />
        </label>
      </div>
      <details>
        <summary>Paste instead</summary>
        <div className="form">
          <label>
            Contents of client_secret.json
            <textarea
              name="clientJson"
              rows={4}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
            />
          </label>
          <button type="button" disabled={!pasted.trim()} onClick={() => void submitText(pasted)}>
            Use this JSON
          </button>
          <label>
            Client ID
            <input name="clientId" value={id} onChange={(e) => setId(e.target.value)} />
          </label>
          <label>
            Client secret
            <input
              name="clientSecret"
              type="password"
              autoComplete="off"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          </label>
          <button
            type="button"
            disabled={!id.trim() || !secret.trim()}
            onClick={() =>
              void setClient({ clientId: id, clientSecret: secret }).then((ok) => {
                if (ok) {
                  setSecret('');
                  setOpen(false);
                }
              })
            }
          >
            Save client
          </button>
        </div>
      </details>
      {error && (
        <p className="error-text" role="alert" data-testid="client-error">
          {error}
        </p>
      )}
      {client?.configured && (
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Keep the current client
        </button>
      )}
    </section>
  );
}
