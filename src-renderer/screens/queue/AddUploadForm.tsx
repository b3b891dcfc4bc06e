import { useState, type FormEvent } from 'react';
import { PrivacySchema, VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import { useChannels } from '../../state/channels-store.ts';
import { useNavigation } from '../../state/navigation-store.ts';
import { useAddForm } from './add-form-store.ts';
import { titleFromPath } from './channel-drop.ts';
import { useQueue } from './queue-store.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The channels a user can pick: every one not disconnected, plus any already ticked. */
function ChannelPicker() {
  const channels = useChannels((s) => s.channels);
  const loaded = useChannels((s) => s.loaded);
  const picked = useAddForm((s) => s.channelIds);
  const setChannel = useAddForm((s) => s.setChannel);
  const go = useNavigation((s) => s.go);
  const usable = channels.filter((c) => c.status !== 'disconnected');
  const known = new Set(usable.map((c) => c.id));
  const titleOf = (id: string) => channels.find((c) => c.id === id)?.title ?? id;
  const options = [
    ...usable.map((c) => ({ id: c.id, label: c.title, note: c.status as string })),
    ...picked
      .filter((id) => !known.has(id))
      .map((id) => ({ id, label: titleOf(id), note: 'not connected' })),
  ];
  if (options.length === 0)
    return (
      <div className="channel-picker-empty" data-testid="channel-picker-empty">
        {loaded ? 'No channel is connected yet.' : 'Loading channels...'}{' '}
        <button type="button" className="link-button" onClick={() => go('channels')}>
          Connect one on the Channels screen
        </button>
      </div>
    );
  return (
    <div className="channel-options">
      {options.map((o) => (
        <label key={o.id} className="channel-option" title={o.id}>
          <input
            type="checkbox"
            name="channel"
            value={o.id}
            checked={picked.includes(o.id)}
            onChange={(e) => setChannel(o.id, e.target.checked)}
          />
          {o.label}
          {o.note !== 'connected' && (
            <span className="channel-note"> ({o.note.replace('_', ' ')})</span>
          )}
        </label>
      ))}
    </div>
  );
}

/** Paths typed or pasted: a browser tab on a home server cannot see the server's files. */
export function AddUploadForm() {
  const enqueue = useQueue((s) => s.enqueue);
  const { files, channelIds, notice, setFiles, reset } = useAddForm();
  const [title, setTitle] = useState('');
  const [privacy, setPrivacy] = useState('private');
  const [thumbnail, setThumbnail] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    for (const file of lines(files)) {
      const ok = await enqueue({
        files: [file],
        channelIds,
        metadata: VideoMetadataSchema.parse({
          title: title || titleFromPath(file),
          privacy: PrivacySchema.parse(privacy),
        }),
        thumbnail: thumbnail || null,
      });
      if (!ok) return;
    }
    reset();
  };
  return (
    <form className="form add-upload" onSubmit={(e) => void submit(e)} aria-label="Add upload">
      {notice && (
        <p className="notice-text" role="status" data-testid="add-upload-notice">
          {notice}
        </p>
      )}
      <label>
        Video files (one full path per line)
        <textarea name="files" value={files} onChange={(e) => setFiles(e.target.value)} rows={2} />
      </label>
      <fieldset className="channel-picker">
        <legend>Channels</legend>
        <ChannelPicker />
      </fieldset>
      <label>
        Title (default: the file name)
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Privacy
        <select name="privacy" value={privacy} onChange={(e) => setPrivacy(e.target.value)}>
          <option value="private">private</option>
          <option value="unlisted">unlisted</option>
          <option value="public">public</option>
        </select>
      </label>
      <label>
        Thumbnail (optional path)
        <input name="thumbnail" value={thumbnail} onChange={(e) => setThumbnail(e.target.value)} />
      </label>
      <button type="submit" disabled={lines(files).length === 0 || channelIds.length === 0}>
        Add to queue
      </button>
    </form>
  );
}
