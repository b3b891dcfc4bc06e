import { useState, type FormEvent } from 'react';
import { PrivacySchema, VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import { useQueue } from './queue-store.ts';

const split = (text: string, sep: RegExp) =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

/** Paths typed or pasted: a browser tab on a home server cannot see the server's files. */
export function AddUploadForm() {
  const enqueue = useQueue((s) => s.enqueue);
  const [files, setFiles] = useState('');
  const [channels, setChannels] = useState('');
  const [title, setTitle] = useState('');
  const [privacy, setPrivacy] = useState('private');
  const [thumbnail, setThumbnail] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const paths = split(files, /\n/);
    for (const file of paths) {
      const name =
        file
          .split(/[\\/]/)
          .pop()
          ?.replace(/\.[^.]+$/, '') ?? file;
      const ok = await enqueue({
        files: [file],
        channelIds: split(channels, /,/),
        metadata: VideoMetadataSchema.parse({
          title: title || name,
          privacy: PrivacySchema.parse(privacy),
        }),
        thumbnail: thumbnail || null,
      });
      if (!ok) return;
    }
    setFiles('');
  };
  return (
    <form className="form add-upload" onSubmit={(e) => void submit(e)}>
      <label>
        Video files (one path per line)
        <textarea name="files" value={files} onChange={(e) => setFiles(e.target.value)} rows={2} />
      </label>
      <label>
        Channel ids (comma-separated)
        <input name="channels" value={channels} onChange={(e) => setChannels(e.target.value)} />
      </label>
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
      <button type="submit" disabled={!files.trim() || !channels.trim()}>
        Add to queue
      </button>
    </form>
  );
}
