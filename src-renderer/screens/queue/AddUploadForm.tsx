import { useState, type FormEvent } from 'react';
import { PrivacySchema, VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import { ChannelPicker } from '../../components/ChannelPicker.tsx';
import { lines, useAddForm, withPaths } from './add-form-store.ts';
import { titleFromPath } from './channel-drop.ts';
import { useQueue } from './queue-store.ts';

/**
 * Videos by path: the desktop app offers the native file dialog; a browser
 * tab on a home server cannot see the server's files, so paths are typed.
 */
export function AddUploadForm() {
  const enqueue = useQueue((s) => s.enqueue);
  const { files, channelIds, notice, setFiles, setChannel, reset } = useAddForm();
  const [title, setTitle] = useState('');
  const [privacy, setPrivacy] = useState('private');
  const [thumbnail, setThumbnail] = useState('');
  const [again, setAgain] = useState(false);
  const pickVideos = window.dropline?.pickVideos;
  const choose = async () => {
    if (!pickVideos) return;
    try {
      const picked = await pickVideos();
      if (picked.length) setFiles(withPaths(useAddForm.getState().files, picked));
    } catch (error) {
      useAddForm.setState({ notice: `The file dialog failed: ${(error as Error).message}` });
    }
  };
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
        again,
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
      {pickVideos && (
        <button type="button" onClick={() => void choose()}>
          Choose videos…
        </button>
      )}
      <ChannelPicker picked={channelIds} onToggle={setChannel} />
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
      <label className="checkbox">
        <input
          type="checkbox"
          name="again"
          checked={again}
          onChange={(e) => setAgain(e.target.checked)}
        />
        Upload again, even where this file is already uploaded (a new video)
      </label>
      <button type="submit" disabled={lines(files).length === 0 || channelIds.length === 0}>
        Add to queue
      </button>
    </form>
  );
}
