import { useState } from 'react';
import type { WatchedFolder } from '../../../src-shared/domain/watched-folder.ts';
import { channelTitles } from '../../components/channel-options.ts';
import { useChannels } from '../../state/channels-store.ts';
import { FolderChannels } from './FolderChannels.tsx';
import { FolderItems } from './FolderItems.tsx';
import { useFolders } from './folders-store.ts';

const statusText: Record<WatchedFolder['status'], string> = {
  watching: 'Watching',
  paused: 'Paused',
  offline: 'Offline: the folder is not there (unplugged?). Dropline resumes when it returns.',
  starting: 'Scanning…',
};

export function FolderCard({ folder }: { folder: WatchedFolder }) {
  const { update, remove, resolveOffer, loadItems } = useFolders();
  const channels = useChannels((s) => s.channels);
  const [open, setOpen] = useState(false);
  const [editingChannels, setEditingChannels] = useState(false);
  const toggle = () => {
    if (!open) void loadItems(folder.id);
    setOpen(!open);
  };
  return (
    <article className={`folder-card folder-${folder.status}`} data-testid="folder-card">
      <header>
        <h3>{folder.path}</h3>
        <p className="muted">
          {statusText[folder.status]} · {channelTitles(channels, folder.channelIds).join(', ')} ·{' '}
          {folder.recursive ? 'with subfolders' : 'this folder only'}
          {folder.polling ? ' · polling' : ''} · {folder.counts.queued} queued,{' '}
          {folder.counts.waiting} waiting
        </p>
      </header>
      {folder.counts.offered > 0 && (
        <div className="banner banner-warning" role="status">
          {folder.counts.offered} video(s) were already in this folder.{' '}
          <button type="button" onClick={() => void resolveOffer(folder.id, 'upload_existing')}>
            Upload existing
          </button>{' '}
          <button type="button" onClick={() => void resolveOffer(folder.id, 'only_new')}>
            Only new ones
          </button>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={toggle}>
          {open ? 'Hide videos' : 'Show videos'}
        </button>
        <button
          type="button"
          aria-expanded={editingChannels}
          onClick={() => setEditingChannels(!editingChannels)}
        >
          Change channels
        </button>
        <button
          type="button"
          onClick={() => void update({ id: folder.id, enabled: !folder.enabled })}
        >
          {folder.enabled ? 'Pause' : 'Resume'}
        </button>
        <button type="button" onClick={() => void remove(folder.id)}>
          Stop watching
        </button>
      </div>
      {editingChannels && (
        <FolderChannels folder={folder} onDone={() => setEditingChannels(false)} />
      )}
      {open && <FolderItems folderId={folder.id} />}
    </article>
  );
}
