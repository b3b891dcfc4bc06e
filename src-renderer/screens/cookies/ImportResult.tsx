import { useCookies } from './cookies-store.ts';

/** What was imported, and the offer to delete the plaintext file it came from. */
export function ImportResult() {
  const { lastImport: r, deleteSource, dismissImport, busy } = useCookies();
  if (!r) return null;
  const s = r.summary;
  return (
    <div className="banner" role="status" data-testid="cookie-import-result">
      <p>
        Imported {s.cookieCount} cookies from {r.fileName} as &quot;{r.label}&quot; ({r.backups}{' '}
        backup
        {r.backups === 1 ? '' : 's'} kept). Domains: {s.domains.join(', ')}.
      </p>
      <p>
        Signed in to YouTube: {s.signedInToYouTube ? 'yes' : 'no'}
        {s.earliestAuthExpiry &&
          `; auth cookies expire ${new Date(s.earliestAuthExpiry).toLocaleString()}`}
        .
      </p>
      {r.sourceDeleted ? (
        <p>The plaintext file was deleted.</p>
      ) : r.sourceDeletable ? (
        <p>
          The original file still holds your sign-in in plain text.{' '}
          <button type="button" disabled={busy} onClick={() => void deleteSource()}>
            Delete {r.sourcePath}
          </button>
        </p>
      ) : (
        <p>The original file still holds your sign-in in plain text: delete it yourself.</p>
      )}
      <button type="button" onClick={dismissImport}>
        Dismiss
      </button>
    </div>
  );
}
