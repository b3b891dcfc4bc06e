import { Suspense, lazy, useEffect, useState } from 'react';
import { classifyName } from '../../../src-shared/watch/file-kinds.ts';
import { useNavigation } from '../../state/navigation-store.ts';
import { useDrop } from './drop-store.ts';
import { useFolders } from './folders-store.ts';
import './folders.css';

const DropPreview = lazy(() =>
  import('./DropPreview.tsx').then((m) => ({ default: m.DropPreview })),
);

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * The whole window accepts drops. Videos and images open the pairing
 * preview; a folder (desktop only, where its path is known) opens the
 * add-folder form.
 */
export function DropZone() {
  const [over, setOver] = useState(false);
  const open = useDrop((s) => s.open);
  const entries = useDrop((s) => s.entries);
  useEffect(() => {
    // A screen with its own drop target (cookie files) handles the event first and claims it.
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer || e.defaultPrevented) return;
      e.preventDefault();
      setOver(false);
      const items = Array.from(e.dataTransfer.items ?? []);
      const files = Array.from(e.dataTransfer.files);
      const folder = items.find((item) => item.webkitGetAsEntry?.()?.isDirectory);
      if (folder) {
        const file = folder.getAsFile();
        const path = file ? (window.dropline?.pathForFile?.(file) ?? null) : null;
        useNavigation.getState().go('folders');
        useFolders.getState().setDraftPath(path ?? '');
        if (!path)
          useFolders.setState({
            error: 'A browser cannot tell Dropline where a dropped folder is: type its path below.',
          });
        return;
      }
      // Only videos open the preview; other files dropped on the window are not ours.
      if (!files.some((f) => classifyName(f.name) === 'video')) return;
      open(
        files.map((file) => ({
          file,
          key: file.name,
          path: window.dropline?.pathForFile?.(file) ?? null,
        })),
      );
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);
  return (
    <>
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          Drop videos, thumbnails or a folder
        </div>
      )}
      {entries !== null && (
        <Suspense fallback={null}>
          <DropPreview />
        </Suspense>
      )}
    </>
  );
}
