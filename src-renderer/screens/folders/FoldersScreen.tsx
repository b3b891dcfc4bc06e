import { useEffect } from 'react';
import { AddFolderForm } from './AddFolderForm.tsx';
import { FolderCard } from './FolderCard.tsx';
import { useFolders } from './folders-store.ts';
import './folders.css';

export function FoldersScreen() {
  const { folders, loaded, error, load } = useFolders();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  return (
    <section className="screen">
      <h2>Folders</h2>
      <p className="muted">
        Every finished video in a watched folder is paired with its thumbnail and metadata and
        queued once per channel: never twice. Drop videos and thumbnails anywhere on the window to
        queue them directly.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {folders.map((folder) => (
        <FolderCard key={folder.id} folder={folder} />
      ))}
      <h3>Watch a folder</h3>
      <AddFolderForm />
    </section>
  );
}
