import { useId } from 'react';
import { FileBrowserButton } from '../upload/FileBrowserButton.tsx';
import { useFolders } from './folders-store.ts';

/**
 * Where the folder is. The desktop app offers the native dialog; a browser
 * tab (headless engine, home server) has no dialog for the engine's disk, so
 * the user types the path or picks it in the engine's own folder browser.
 */
export function FolderPathField() {
  const draftPath = useFolders((s) => s.draftPath);
  const setDraftPath = useFolders((s) => s.setDraftPath);
  const hintId = useId();
  const pickFolder = window.dropline?.pickFolder;

  if (pickFolder) {
    const choose = async () => {
      try {
        const path = await pickFolder();
        if (path) setDraftPath(path);
      } catch (error) {
        useFolders.setState({ error: `The folder dialog failed: ${(error as Error).message}` });
      }
    };
    return (
      <div className="folder-path">
        <span className="folder-path-label">Folder</span>
        <span className="folder-path-value" data-testid="chosen-folder">
          {draftPath || <span className="muted">None chosen yet</span>}
        </span>
        <button type="button" onClick={() => void choose()}>
          Choose folder…
        </button>
      </div>
    );
  }
  return (
    <div className="folder-path-typed">
      <label>
        Folder path
        <input
          name="folder-path"
          value={draftPath}
          placeholder="/home/me/Videos/exports"
          aria-describedby={hintId}
          onChange={(e) => setDraftPath(e.target.value)}
        />
        <small id={hintId} className="muted">
          A path on the machine running Dropline (this tab sees its folders only through Choose
          folder…).
        </small>
      </label>
      <FileBrowserButton mode="folder" onPick={([path]) => path && setDraftPath(path)} />
    </div>
  );
}
