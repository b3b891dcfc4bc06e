import {
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Modal,
  ScrollArea,
  UnstyledButton,
} from '@mantine/core';
import '@mantine/core/styles/ScrollArea.css';
import '../../theme/dialog-styles.ts';
import { File, Folder, FileVideo, Image, ArrowUp } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { FileEntry } from '../../../src-shared/api/files.ts';
import { formatBytes } from '../../components/format.ts';
import { useFileBrowser } from './file-browser-store.ts';
import './upload.css';

const icons = { folder: Folder, video: FileVideo, image: Image, other: File } as const;

/**
 * A browser tab cannot open the engine machine's file dialog, so the engine
 * lists its folders (from the user's home) and the user picks there: videos
 * (several, ticked) or one folder (the one shown).
 */
export function FileBrowser({
  mode,
  opened,
  onClose,
  onPick,
}: {
  mode: 'videos' | 'folder';
  opened: boolean;
  onClose(): void;
  onPick(paths: string[]): void;
}) {
  const { listing, loading, error, open } = useFileBrowser();
  const [ticked, setTicked] = useState<string[]>([]);
  useEffect(() => {
    if (opened && !listing) void open(null);
  }, [opened, listing, open]);
  const go = (path: string | null) => {
    setTicked([]);
    void open(path);
  };
  const shown = (listing?.entries ?? []).filter(
    (e) => e.kind === 'folder' || (mode === 'videos' && e.kind === 'video'),
  );
  const crumbs = listing ? crumbsOf(listing.path, listing.home) : [];
  const row = (entry: FileEntry) => {
    const Icon = icons[entry.kind];
    if (entry.kind === 'folder')
      return (
        <UnstyledButton
          key={entry.path}
          className="file-row"
          onClick={() => go(entry.path)}
          data-testid="file-entry"
        >
          <Icon size={16} aria-hidden /> {entry.name}
        </UnstyledButton>
      );
    return (
      <Checkbox
        key={entry.path}
        className="file-row"
        data-testid="file-entry"
        checked={ticked.includes(entry.path)}
        onChange={(e) =>
          setTicked((t) =>
            e.currentTarget.checked ? [...t, entry.path] : t.filter((p) => p !== entry.path),
          )
        }
        label={
          <span>
            <Icon size={16} aria-hidden /> {entry.name}{' '}
            <span className="muted">{entry.size === null ? '' : formatBytes(entry.size)}</span>
          </span>
        }
      />
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        mode === 'videos'
          ? 'Choose videos on the Dropline machine'
          : 'Choose a folder on the Dropline machine'
      }
      size="lg"
      data-testid="file-browser"
    >
      <Group gap="xs" mb="xs" wrap="nowrap">
        <Button
          variant="default"
          size="xs"
          leftSection={<ArrowUp size={14} />}
          disabled={!listing?.parent}
          onClick={() => go(listing?.parent ?? null)}
        >
          Up
        </Button>
        <Breadcrumbs separator="/" className="file-crumbs">
          {crumbs.map((c) => (
            <UnstyledButton key={c.path} onClick={() => go(c.path)} className="link-button">
              {c.name}
            </UnstyledButton>
          ))}
        </Breadcrumbs>
      </Group>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <ScrollArea.Autosize mah="50vh">
        <div className="file-list" aria-busy={loading} aria-label="Files">
          {shown.map(row)}
          {listing && shown.length === 0 && (
            <p className="muted">
              {mode === 'videos' ? 'No videos or folders here.' : 'No folders here.'}
            </p>
          )}
          {listing?.truncated && <p className="muted">Only the first entries are shown.</p>}
        </div>
      </ScrollArea.Autosize>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        {mode === 'videos' ? (
          <Button
            disabled={ticked.length === 0}
            onClick={() => {
              onPick(ticked);
              setTicked([]);
              onClose();
            }}
          >
            Add {ticked.length || ''} video{ticked.length === 1 ? '' : 's'}
          </Button>
        ) : (
          <Button
            disabled={!listing}
            onClick={() => {
              if (listing) onPick([listing.path]);
              onClose();
            }}
          >
            Use this folder
          </Button>
        )}
      </Group>
    </Modal>
  );
}

/** Home, then each folder below it down to the one shown (or from / when outside home). */
function crumbsOf(path: string, home: string): { name: string; path: string }[] {
  const root = path === home || path.startsWith(`${home}/`) ? home : '/';
  const out = [{ name: root === home ? 'Home' : '/', path: root }];
  let at = root;
  for (const part of path.slice(root.length).split('/').filter(Boolean)) {
    at = at.endsWith('/') ? `${at}${part}` : `${at}/${part}`;
    out.push({ name: part, path: at });
  }
  return out;
}
