import { useState, type FormEvent } from 'react';
import type { Privacy } from '../../../src-shared/domain/metadata.ts';
import { ChannelPicker } from '../../components/ChannelPicker.tsx';
import { usePublishing } from '../publishing/publishing-store.ts';
import { PresetPicker } from '../queue/PresetPicker.tsx';
import { toggleChannel } from '../../components/channel-options.ts';
import { FolderPathField } from './FolderPathField.tsx';
import { useFolders } from './folders-store.ts';

export function AddFolderForm() {
  const add = useFolders((s) => s.add);
  const draftPath = useFolders((s) => s.draftPath);
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [title, setTitle] = useState('{filename}');
  const [privacy, setPrivacy] = useState<Privacy>('private');
  const [recursive, setRecursive] = useState(false);
  const [polling, setPolling] = useState(false);
  const [stability, setStability] = useState(30);
  const [preset, setPreset] = useState('');
  const [useSchedule, setUseSchedule] = useState(false);
  const scheduled = usePublishing((s) => channelIds.some((c) => s.schedules[c]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await add({
      path: draftPath.trim(),
      channelIds,
      template: { title, privacy },
      recursive,
      polling,
      stabilitySeconds: stability,
      preset: preset || null,
      schedule: useSchedule ? 'channel' : null,
    });
    if (ok) setChannelIds([]);
  };

  return (
    <form className="form" aria-label="Add a folder" onSubmit={(e) => void submit(e)}>
      <FolderPathField />
      <ChannelPicker
        picked={channelIds}
        onToggle={(id, on) => setChannelIds((ids) => toggleChannel(ids, id, on))}
      />
      <label>
        Title template ({'{filename}'}, {'{date}'}, {'{folder}'}, {'{n}'})
        <input name="folder-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Privacy
        <select value={privacy} onChange={(e) => setPrivacy(e.target.value as Privacy)}>
          <option value="private">Private</option>
          <option value="unlisted">Unlisted</option>
          <option value="public">Public</option>
        </select>
      </label>
      <PresetPicker channelIds={channelIds} value={preset} onPick={(name) => setPreset(name)} />
      {scheduled && (
        <label className="checkbox">
          <input
            type="checkbox"
            name="folder-schedule"
            checked={useSchedule}
            onChange={(e) => setUseSchedule(e.target.checked)}
          />
          Publish each video at its channel's next free schedule slot
        </label>
      )}
      <label>
        Wait until a file is unchanged for (seconds)
        <input
          type="number"
          min={1}
          max={3600}
          value={stability}
          onChange={(e) => setStability(Number(e.target.value))}
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={recursive}
          onChange={(e) => setRecursive(e.target.checked)}
        />
        Include subfolders
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={polling} onChange={(e) => setPolling(e.target.checked)} />
        Poll for changes (network drives)
      </label>
      <div className="actions">
        <button type="submit" disabled={!draftPath.trim() || channelIds.length === 0}>
          Watch this folder
        </button>
      </div>
    </form>
  );
}
