import { useState, type FormEvent } from 'react';
import { PrivacySchema } from '../../../src-shared/domain/metadata.ts';
import { mergeMetadata, pickPreset, type Preset } from '../../../src-shared/publishing/preset.ts';
import { ChannelPicker } from '../../components/ChannelPicker.tsx';
import { usePublishing } from '../publishing/publishing-store.ts';
import { PresetPicker } from './PresetPicker.tsx';
import { PublishAtField, readPublishAt } from './PublishAtField.tsx';
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
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const [presetName, setPresetName] = useState('');
  const [preset, setPreset] = useState<Preset | null>(null);
  const [publishAt, setPublishAt] = useState('');
  const [useSchedule, setUseSchedule] = useState(false);
  const presets = usePublishing((s) => s.presets);
  const scheduled = usePublishing((s) => channelIds.some((c) => s.schedules[c]));
  const publish = useSchedule ? null : readPublishAt(publishAt);
  // Applying a preset fills what the form shows; what it does not show comes with it at submit.
  const applyPreset = (name: string, picked: Preset | null) => {
    setPresetName(name);
    setPreset(picked);
    if (picked?.fields.privacy) setPrivacy(picked.fields.privacy);
    if (picked?.fields.tags) setTags(picked.fields.tags.join(', '));
    setUseSchedule(picked?.fields.schedule === 'channel');
  };
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
    if (publish && !publish.ok) return;
    const explicit = {
      privacy: PrivacySchema.parse(privacy),
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      ...(description.trim() ? { description } : {}),
      ...(publish?.ok ? { publishAt: publish.iso } : {}),
    };
    // The preset, then what the form says (README: preset, sidecar, explicit fields); a channel's own preset wins.
    const groups = presetName ? channelIds.map((c) => [c]) : [channelIds];
    for (const file of lines(files))
      for (const group of groups) {
        const fields = presetName
          ? pickPreset(presets, presetName, group[0] ?? null)?.fields
          : null;
        const ok = await enqueue({
          files: [file],
          channelIds: group,
          metadata: mergeMetadata({
            base: { title: title || titleFromPath(file) },
            preset: fields,
            explicit,
          }),
          thumbnail: thumbnail || null,
          schedule: useSchedule ? 'channel' : null,
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
      <PresetPicker channelIds={channelIds} value={presetName} onPick={applyPreset} />
      <label>
        Title (default: the file name)
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Description
        <textarea
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
        />
      </label>
      {preset?.fields.descriptionFooter && (
        <p className="muted" data-testid="preset-footer">
          Preset footer added after it: {preset.fields.descriptionFooter}
        </p>
      )}
      <label>
        Tags (comma-separated)
        <input name="tags" value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      <label>
        Privacy
        <select name="privacy" value={privacy} onChange={(e) => setPrivacy(e.target.value)}>
          <option value="private">private</option>
          <option value="unlisted">unlisted</option>
          <option value="public">public</option>
        </select>
      </label>
      {scheduled && (
        <label>
          <input
            type="checkbox"
            name="useSchedule"
            checked={useSchedule}
            onChange={(e) => setUseSchedule(e.target.checked)}
          />{' '}
          Publish at each channel's next free schedule slot (private until then)
        </label>
      )}
      <PublishAtField value={publishAt} onChange={setPublishAt} disabled={useSchedule} />
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
      <button
        type="submit"
        disabled={lines(files).length === 0 || channelIds.length === 0 || publish?.ok === false}
      >
        Add to queue
      </button>
    </form>
  );
}
