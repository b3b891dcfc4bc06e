import { EmptyState } from '../../components/EmptyState.tsx';

export function FoldersScreen() {
  return (
    <EmptyState title="Folders">
      <p>Drop a folder here or pick one, choose its channels, and Dropline watches it.</p>
      <p>
        Every finished video is paired with its thumbnail and metadata and queued once: never twice.
      </p>
    </EmptyState>
  );
}
