import { Button, Checkbox, Group, Switch, Textarea, TextInput } from '@mantine/core';
import { FolderOpen, Upload } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Preset } from '../../../src-shared/publishing/preset.ts';
import { localTimeZone } from '../../../src-shared/publishing/plain-date.ts';
import { ChannelPicker } from '../../components/ChannelPicker.tsx';
import { usePublishing } from '../publishing/publishing-store.ts';
import { ChannelDetails } from '../upload/ChannelDetails.tsx';
import { DetailsFields } from '../upload/DetailsFields.tsx';
import { FileBrowserButton } from '../upload/FileBrowserButton.tsx';
import { filesStatus } from '../upload/upload-check.ts';
import { ThumbnailPreview } from '../upload/ThumbnailPreview.tsx';
import { buildUploads } from '../upload/build-uploads.ts';
import { rememberChosen } from '../upload/remember-folder.ts';
import {
  emptyDraft,
  hasProblems,
  draftProblems,
  type DetailsDraft,
} from '../upload/upload-draft.ts';
import { useUploadCheck } from '../upload/use-upload-check.ts';
import { PresetPicker } from './PresetPicker.tsx';
import { lines, useAddForm, withPaths } from './add-form-store.ts';
import { titleFromPath } from './channel-drop.ts';
import { useQueue } from './queue-store.ts';
import '../upload/upload.css';

/**
 * YouTube Studio's upload details for one or many videos on one or many
 * channels, any field different per channel. The engine checks the files
 * and thumbnail as they are typed; every mistake is refused at its field, and
 * the engine's jobs.add refuses the whole request otherwise, so a mistake
 * never becomes a failed job.
 */
export function AddUploadForm() {
  const addUploads = useQueue((s) => s.addUploads);
  const { files, channelIds, notice, setFiles, setChannel, reset } = useAddForm();
  const [draft, setDraft] = useState<DetailsDraft>(() => emptyDraft(localTimeZone()));
  const [own, setOwn] = useState<Record<string, DetailsDraft>>({});
  const [playlists, setPlaylists] = useState<Record<string, string | null>>({});
  const [thumbnail, setThumbnail] = useState('');
  const [presetName, setPresetName] = useState('');
  const [preset, setPreset] = useState<Preset | null>(null);
  const [useSchedule, setUseSchedule] = useState(false);
  const [again, setAgain] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const presets = usePublishing((s) => s.presets);
  const scheduled = usePublishing((s) => channelIds.some((c) => s.schedules[c]));
  const paths = lines(files);
  const check = useUploadCheck(paths, thumbnail);
  const patch = (p: Partial<DetailsDraft>) => setDraft((d) => ({ ...d, ...p }));
  // Applying a preset fills what the form shows; its footer comes with it at submit.
  const applyPreset = (name: string, picked: Preset | null) => {
    setPresetName(name);
    setPreset(picked);
    const f = picked?.fields;
    if (f)
      patch({
        ...(f.privacy ? { privacy: f.privacy } : {}),
        ...(f.tags ? { tags: f.tags } : {}),
        ...(f.categoryId ? { categoryId: f.categoryId } : {}),
        ...(f.madeForKids !== undefined ? { madeForKids: f.madeForKids } : {}),
        ...(f.containsSyntheticMedia !== undefined
          ? { containsSyntheticMedia: f.containsSyntheticMedia }
          : {}),
      });
    setUseSchedule(f?.schedule === 'channel');
  };
  const pickVideos = window.dropline?.pickVideos;
  const choose = async () => {
    if (!pickVideos) return;
    try {
      const picked = await pickVideos();
      if (picked.length) setFiles(withPaths(useAddForm.getState().files, picked));
      rememberChosen(picked);
    } catch (error) {
      useAddForm.setState({ notice: `The file dialog failed: ${(error as Error).message}` });
    }
  };
  const fileProblems = (check.files ?? []).filter((f) => f.problem);
  const thumbProblem = check.thumbnail?.problem ?? null;
  const detailsBroken =
    hasProblems(draftProblems(draft)) ||
    channelIds.some((c) => own[c] !== undefined && hasProblems(draftProblems(own[c])));
  const blocked =
    paths.length === 0 ||
    channelIds.length === 0 ||
    check.pending ||
    fileProblems.length > 0 ||
    thumbProblem !== null ||
    detailsBroken ||
    busy;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    setBusy(true);
    const uploads = buildUploads({
      files: paths,
      channelIds,
      base: draft,
      own,
      playlists,
      thumbnail: thumbnail.trim() || null,
      presets,
      presetName,
      useSchedule,
    });
    const problem = await addUploads(uploads, again);
    setBusy(false);
    setRefusal(problem);
    if (problem === null) {
      reset();
      useAddForm.setState({ open: false });
    }
  };
  return (
    <form className="form add-upload" onSubmit={(e) => void submit(e)} aria-label="Add upload">
      {notice && (
        <p className="notice-text" role="status" data-testid="add-upload-notice">
          {notice}
        </p>
      )}
      <Textarea
        label="Video files (one full path per line)"
        name="files"
        value={files}
        autosize
        minRows={2}
        maxRows={6}
        onChange={(e) => setFiles(e.currentTarget.value)}
        error={
          fileProblems.length ? (
            <span data-testid="file-problems">{fileProblems.map((f) => f.problem).join('; ')}</span>
          ) : undefined
        }
        description={filesStatus(paths.length, check)}
      />
      <Group gap="xs">
        {pickVideos ? (
          <Button
            variant="default"
            leftSection={<FolderOpen size={16} />}
            onClick={() => void choose()}
          >
            Choose videos…
          </Button>
        ) : (
          <FileBrowserButton
            mode="videos"
            onPick={(picked) => setFiles(withPaths(useAddForm.getState().files, picked))}
          />
        )}
      </Group>
      <ChannelPicker picked={channelIds} onToggle={setChannel} />
      <PresetPicker channelIds={channelIds} value={presetName} onPick={applyPreset} />
      <DetailsFields
        draft={draft}
        onChange={patch}
        named
        useSchedule={useSchedule}
        titlePlaceholder={
          paths.length === 1 ? titleFromPath(paths[0] as string) : "Each file's name"
        }
      />
      {preset?.fields.descriptionFooter && (
        <p className="muted" data-testid="preset-footer">
          Preset footer added after it: {preset.fields.descriptionFooter}
        </p>
      )}
      {scheduled && (
        <Switch
          name="useSchedule"
          checked={useSchedule}
          onChange={(e) => setUseSchedule(e.currentTarget.checked)}
          label="Publish at each channel's next free schedule slot (private until then)"
        />
      )}
      <TextInput
        label="Thumbnail (optional path of a JPEG or PNG)"
        name="thumbnail"
        value={thumbnail}
        onChange={(e) => setThumbnail(e.currentTarget.value)}
        error={thumbProblem ?? undefined}
      />
      {check.thumbnail && !thumbProblem && <ThumbnailPreview check={check.thumbnail} />}
      {channelIds.length > 0 && (
        <ChannelDetails
          channelIds={channelIds}
          base={draft}
          own={own}
          playlists={playlists}
          useSchedule={useSchedule}
          onOwn={(id, d) =>
            setOwn((o) => {
              const { [id]: _dropped, ...rest } = o;
              return d ? { ...rest, [id]: d } : rest;
            })
          }
          onPlaylist={(id, p) => setPlaylists((all) => ({ ...all, [id]: p }))}
        />
      )}
      <Checkbox
        name="again"
        checked={again}
        onChange={(e) => setAgain(e.currentTarget.checked)}
        label="Upload again, even where this file is already uploaded (a new video)"
      />
      {(refusal ?? check.error) && (
        <p className="error-text" role="alert" data-testid="add-upload-error">
          {refusal ?? check.error}
        </p>
      )}
      <Group>
        <Button
          variant="filled"
          type="submit"
          leftSection={<Upload size={16} />}
          disabled={blocked}
        >
          Add to queue
        </Button>
      </Group>
    </form>
  );
}
