import type { CookieVersion } from '../../../src-shared/domain/cookie-file.ts';
import { useCookies } from './cookies-store.ts';

const freshnessText: Record<CookieVersion['freshness'], string> = {
  fresh: 'Signed in',
  expiring: 'Expires soon',
  expired: 'Expired',
  signed_out: 'Not signed in',
};

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function CookieLabels() {
  const { labels, loaded, remove, busy } = useCookies();
  if (labels.length === 0) return loaded ? <p>No cookie files yet.</p> : null;
  return (
    <table className="table" data-testid="cookie-labels">
      <thead>
        <tr>
          <th>Label</th>
          <th>Status</th>
          <th>Auth expiry</th>
          <th>Cookies</th>
          <th>Backups</th>
          <th>Last used</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {labels.map(({ label, active, backups }) => (
          <tr
            key={label}
            className={
              active.freshness === 'expired' || active.health === 'failing'
                ? 'row-error'
                : undefined
            }
          >
            <td title={`Imported ${when(active.importedAt)} from ${active.sourceName}`}>{label}</td>
            <td>
              {freshnessText[active.freshness]}
              {active.health === 'failing' && ' · refused by YouTube: export a fresh cookies.txt'}
            </td>
            <td>{when(active.earliestAuthExpiry)}</td>
            <td title={active.domains.join(', ')}>{active.cookieCount}</td>
            <td>{backups.length}</td>
            <td>{when(active.lastUsedAt)}</td>
            <td>
              <button type="button" disabled={busy} onClick={() => void remove(label)}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
