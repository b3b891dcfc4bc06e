import { Button, Group, Modal, NativeSelect, TextInput } from '@mantine/core';
import '../../theme/dialog-styles.ts';
import { useState } from 'react';
import type { JobEditPatch } from '../../../src-shared/api/job-edits.ts';
import type { Job } from '../../../src-shared/domain/job.ts';
import { PrivacySchema } from '../../../src-shared/domain/metadata.ts';
import { localTimeZone } from '../../../src-shared/publishing/plain-date.ts';
import { DetailsFields } from '../upload/DetailsFields.tsx';
import { PlaylistSelect } from '../upload/PlaylistSelect.tsx';
import {
  draftMetadata,
  draftProblems,
  hasProblems,
  type DetailsDraft,
} from '../upload/upload-draft.ts';
import { audienceOptions, privacyOptions } from '../upload/field-options.ts';
import { youtubeCategories } from '../upload/youtube-categories.ts';
import { useChannels } from '../../state/channels-store.ts';
import { useJobActions } from './job-actions-store.ts';
import { useQueue } from './queue-store.ts';
import '../upload/upload.css';

function draftOf(job: Job): DetailsDraft {
  const m = job.metadata;
  return {
    title: m.title,
    description: m.description,
    tags: m.tags,
    categoryId: m.categoryId,
    privacy: m.privacy,
    publishAt: m.publishAt ?? '',
    timeZone: localTimeZone(),
    madeForKids: m.madeForKids,
    containsSyntheticMedia: m.containsSyntheticMedia,
  };
}

/** Only the fields that changed: an edit never rewrites what the user did not touch. */
function changed(job: Job, draft: DetailsDraft, playlistId: string | null, thumbnail: string) {
  const next = draftMetadata(draft, job.title);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next))
    if (JSON.stringify(value) !== JSON.stringify(job.metadata[key as keyof Job['metadata']]))
      patch[key] = value;
  if (playlistId !== job.metadata.playlistId) patch.playlistId = playlistId;
  if ((thumbnail.trim() || null) !== job.thumbnail) patch.thumbnail = thumbnail.trim() || null;
  return patch as JobEditPatch;
}

function OneJob({ job, onDone }: { job: Job; onDone(): void }) {
  const update = useJobActions((s) => s.update);
  const channelTitle = useChannels((s) => s.channels.find((c) => c.id === job.channelId)?.title);
  const [draft, setDraft] = useState(() => draftOf(job));
  const [playlistId, setPlaylistId] = useState(job.metadata.playlistId);
  const [thumbnail, setThumbnail] = useState(job.thumbnail ?? '');
  const [error, setError] = useState<string | null>(null);
  const patch = changed(job, draft, playlistId, thumbnail);
  const save = async () => {
    const problem = await update([job.id], patch);
    setError(problem);
    if (!problem) onDone();
  };
  return (
    <form
      aria-label="Edit details"
      className="form add-upload"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DetailsFields
        draft={draft}
        onChange={(p) => setDraft((d) => ({ ...d, ...p }))}
        titlePlaceholder={job.title}
      />
      <PlaylistSelect
        channelId={job.channelId}
        channelTitle={channelTitle ?? job.channelId}
        value={playlistId}
        onChange={setPlaylistId}
      />
      <TextInput
        label="Thumbnail (path of a JPEG or PNG)"
        value={thumbnail}
        onChange={(e) => setThumbnail(e.currentTarget.value)}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          variant="filled"
          type="submit"
          disabled={Object.keys(patch).length === 0 || hasProblems(draftProblems(draft))}
        >
          Save details
        </Button>
      </Group>
    </form>
  );
}

const keep = { value: '', label: 'Leave as it is' };

/** Several jobs at once: the fields that make sense for many (visibility, category, audience). */
function ManyJobs({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const update = useJobActions((s) => s.update);
  const [privacy, setPrivacy] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [kids, setKids] = useState('');
  const [error, setError] = useState<string | null>(null);
  const patch: JobEditPatch = {
    ...(privacy ? { privacy: PrivacySchema.parse(privacy) } : {}),
    ...(categoryId ? { categoryId } : {}),
    ...(kids ? { madeForKids: kids === 'yes' } : {}),
  };
  const save = async () => {
    const problem = await update(ids, patch);
    setError(problem);
    if (!problem) onDone();
  };
  return (
    <form
      aria-label="Edit details"
      className="form add-upload"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <NativeSelect
        label="Visibility"
        value={privacy}
        onChange={(e) => setPrivacy(e.currentTarget.value)}
        data={[keep, ...privacyOptions]}
      />
      <NativeSelect
        label="Category"
        value={categoryId}
        onChange={(e) => setCategoryId(e.currentTarget.value)}
        data={[keep, ...youtubeCategories]}
      />
      <NativeSelect
        label="Audience"
        value={kids}
        onChange={(e) => setKids(e.currentTarget.value)}
        data={[keep, ...audienceOptions]}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button variant="filled" type="submit" disabled={Object.keys(patch).length === 0}>
          Save for {ids.length} jobs
        </Button>
      </Group>
    </form>
  );
}

/** Edit one job's details, or several jobs' shared ones; all or none are saved. */
export function EditJobsDialog() {
  const editing = useJobActions((s) => s.editing);
  const close = useJobActions((s) => s.closeEdit);
  const jobs = useQueue((s) => s.jobs);
  const one = editing?.length === 1 ? jobs[editing[0] as string] : undefined;
  return (
    <Modal
      opened={editing !== null}
      onClose={close}
      size="lg"
      title={one ? `Edit details of ${one.title}` : `Edit ${editing?.length ?? 0} jobs`}
    >
      {one ? (
        <OneJob key={one.id} job={one} onDone={close} />
      ) : editing && editing.length > 1 ? (
        <ManyJobs ids={editing} onDone={close} />
      ) : null}
    </Modal>
  );
}
