import { useState } from 'react';
import type { WatchedFolder } from '../../../src-shared/domain/watched-folder.ts';
import { ChannelPicker } from '../../components/ChannelPicker.tsx';
import { toggleChannel } from '../../components/channel-options.ts';
import { useFolders } from './folders-store.ts';

/** Changes which channels a watched folder uploads to. */
export function FolderChannels({ folder, onDone }: { folder: WatchedFolder; onDone(): void }) {
  const update = useFolders((s) => s.update);
  const [picked, setPicked] = useState<string[]>(folder.channelIds);
  const [saving, setSaving] = useState(false);
  const unchanged =
    picked.length === folder.channelIds.length &&
    picked.every((id) => folder.channelIds.includes(id));
  const save = async () => {
    setSaving(true);
    const ok = await update({ id: folder.id, channelIds: picked });
    setSaving(false);
    if (ok) onDone();
  };
  return (
    <div className="folder-channels" role="group" aria-label="Channels of this folder">
      <ChannelPicker
        legend="Upload new videos of this folder to"
        picked={picked}
        onToggle={(id, on) => setPicked((ids) => toggleChannel(ids, id, on))}
      />
      <p className="muted">Videos already queued keep their channels.</p>
      <div className="actions">
        <button
          type="button"
          disabled={saving || unchanged || picked.length === 0}
          onClick={() => void save()}
        >
          Save channels
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
