import { EmptyState } from '../../components/EmptyState.tsx';

export function CookiesScreen() {
  return (
    <EmptyState title="Cookies">
      <p>
        Import a cookies.txt so yt-dlp can download your own videos, backups and reference clips.
      </p>
      <p>
        Cookie files are stored encrypted, rotated with backups, and you are warned before they
        expire.
      </p>
    </EmptyState>
  );
}
