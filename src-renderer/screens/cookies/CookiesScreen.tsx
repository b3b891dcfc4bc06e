import { useEffect } from 'react';
import { CookieImport } from './CookieImport.tsx';
import { CookieLabels } from './CookieLabels.tsx';
import { Downloads } from './Downloads.tsx';
import { ImportResult } from './ImportResult.tsx';
import { useCookies } from './cookies-store.ts';
import { YtDlpStatus } from './YtDlpStatus.tsx';
import './cookies.css';

export function CookiesScreen() {
  const { load, error } = useCookies();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="screen">
      <h2>Cookies</h2>
      <p>
        A cookies.txt lets yt-dlp download your own videos, backups and reference clips past
        YouTube&apos;s sign-in and bot checks. It is stored encrypted, kept with backups, and you
        are warned before it expires.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <YtDlpStatus />
      <ImportResult />
      <CookieImport />
      <h3>Cookie files</h3>
      <CookieLabels />
      <h3>Downloads</h3>
      <Downloads />
    </section>
  );
}
