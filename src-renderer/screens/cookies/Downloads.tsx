import { useState } from 'react';
import { isFinalDownloadState, type Download } from '../../../src-shared/domain/cookie-file.ts';
import { useCookies } from './cookies-store.ts';

function progressText(d: Download): string {
  // The reason goes on its own line (downloadError): yt-dlp's words are long.
  if (d.state === 'failed') return 'failed';
  if (d.state === 'done') return d.file ?? 'Done';
  if (d.state !== 'running') return d.state;
  const pct = d.percent === null ? '' : `${d.percent.toFixed(1)}%`;
  return `${pct}${d.usedVersion === 'backup' ? ' (with the backup cookies)' : ''}`;
}

export function Downloads() {
  const { downloads, labels, startDownload, cancel, removeDownload, busy } = useCookies();
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [outDir, setOutDir] = useState('');
  return (
    <>
      <div className="form">
        <label>
          Video URL
          <input name="downloadUrl" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <label>
          Cookies
          <select name="downloadLabel" value={label} onChange={(e) => setLabel(e.target.value)}>
            <option value="">Default</option>
            {labels.map((l) => (
              <option key={l.label} value={l.label}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Save to (folder on the engine&apos;s machine; empty for Downloads/Dropline)
          <input name="downloadOut" value={outDir} onChange={(e) => setOutDir(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={busy || !url.trim()}
          onClick={() => void startDownload(url, label, outDir)}
        >
          Download
        </button>
      </div>
      <ul className="downloads" data-testid="downloads">
        {downloads.map((d) => (
          <li key={d.id} className={`download download-${d.state}`}>
            {/* Without a value a bar animates as if busy: only a download still going may. */}
            <progress
              max={100}
              value={isFinalDownloadState(d.state) ? (d.percent ?? 0) : (d.percent ?? undefined)}
              data-state={d.state}
              aria-label={`Download of ${d.url}: ${d.state}`}
            />
            <span>{d.url}</span> <span>{progressText(d)}</span>{' '}
            {!isFinalDownloadState(d.state) && (
              <button type="button" onClick={() => void cancel(d.id)}>
                Cancel
              </button>
            )}
            {(d.state === 'failed' || d.state === 'cancelled') && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void startDownload(d.url, d.label ?? '', d.outDir)}
              >
                Retry
              </button>
            )}
            {isFinalDownloadState(d.state) && (
              <button type="button" disabled={busy} onClick={() => void removeDownload(d.id)}>
                Remove
              </button>
            )}
            {d.state === 'failed' && d.error?.message && (
              <p className="download-error" data-testid="download-error">
                {d.error.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
