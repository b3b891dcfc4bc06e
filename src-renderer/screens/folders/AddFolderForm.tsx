import { useState, type FormEvent } from 'react';
import type { Privacy } from '../../../src-shared/domain/metadata.ts';
import { useFolders } from './folders-store.ts';

export function AddFolderForm() {
  const { add, draftPath, setDraftPath } = useFolders();
  const [channels, setChannels] = useState('');
  const [title, setTitle] = useState('{filename}');
  const [privacy, setPrivacy] = useState<Privacy>('private');
  const [recursive, setRecursive] = useState(false);
  const [polling, setPolling] = useState(false);
  const [stability, setStability] = useState(30);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await add({
      path: draftPath.trim(),
      channelIds: channels
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      template: { title, privacy },
      recursive,
      polling,
      stabilitySeconds: stability,
    });
    if (ok) setChannels('');
  };

  return (
    <form className="form" aria-label="Add a folder" onSubmit={(e) => void submit(e)}>
      <label>
        Folder path (on the machine that runs Dropline)
        <input
          name="folder-path"
          value={draftPath}
          placeholder="/home/me/Videos/exports"
          onChange={(e) => setDraftPath(e.target.value)}
        />
      </label>
      <label>
        Channels (ids, comma separated)
        <input
          name="folder-channels"
          value={channels}
          onChange={(e) => setChannels(e.target.value)}
        />
      </label>
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
        <button type="submit">Watch this folder</button>
      </div>
    </form>
  );
}
