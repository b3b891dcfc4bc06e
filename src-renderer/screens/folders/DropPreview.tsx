import { Button, Group, Modal, Switch } from '@mantine/core';
import '../../theme/dialog-styles.ts';
import { useEffect } from 'react';
import { localTimeZone } from '../../../src-shared/publishing/plain-date.ts';
import { ChannelPicker } from '../../components/ChannelPicker.tsx';
import { usePublishing } from '../publishing/publishing-store.ts';
import { ChannelDetails } from '../upload/ChannelDetails.tsx';
import { DetailsFields } from '../upload/DetailsFields.tsx';
import { draftProblems, emptyDraft, hasProblems, titleProblem } from '../upload/upload-draft.ts';
import { DropRows } from './DropRows.tsx';
import { useDrop } from './drop-store.ts';
import '../upload/upload.css';

/**
 * The drop preview: the pairing, where each video was found, and YouTube
 * Studio's details as in Add upload (the same components), any of them
 * different per channel. A mistake is refused at its field; nothing is queued.
 */
export function DropPreview() {
  const s = useDrop();
  const scheduled = usePublishing((p) => s.channelIds.some((c) => p.schedules[c]));
  // Whether a channel has a schedule decides the schedule switch and the visibility.
  useEffect(() => {
    if (!usePublishing.getState().loaded) void usePublishing.getState().load();
  }, []);
  if (!s.entries) return null;
  const done = s.results !== null;
  const draft = s.draft ?? emptyDraft(localTimeZone());
  const useSchedule = s.useSchedule && scheduled;
  const broken =
    s.entries.some((e) => titleProblem(e.title) !== null) ||
    hasProblems(draftProblems(draft)) ||
    s.channelIds.some((c) => s.own[c] !== undefined && hasProblems(draftProblems(s.own[c])));
  // Mantine's Modal: focus kept inside, Escape closes, focus goes back where it was.
  return (
    <Modal
      opened
      onClose={s.close}
      size="xl"
      withCloseButton={false}
      closeOnClickOutside={false}
      title={`Queue ${s.entries.length === 1 ? 'this video' : `${s.entries.length} videos`}`}
    >
      <section aria-label="Drop preview" data-testid="drop-preview" className="form add-upload">
        {s.entries.length === 0 && <p>No videos in this drop.</p>}
        <DropRows />
        {s.ignored.length > 0 && <p className="muted">Not used: {s.ignored.join(', ')}</p>}
        {!done && (
          <>
            <ChannelPicker picked={s.channelIds} onToggle={s.setChannel} />
            <DetailsFields
              draft={draft}
              withTitle={false}
              titlePlaceholder="Each video's title"
              useSchedule={useSchedule}
              onChange={(patch) => s.setDraft({ ...draft, ...patch })}
            />
            {scheduled && (
              <Switch
                checked={s.useSchedule}
                onChange={(e) => s.setUseSchedule(e.currentTarget.checked)}
                label="Publish at each channel's next free schedule slot (private until then)"
              />
            )}
            {s.channelIds.length > 0 && (
              <ChannelDetails
                channelIds={s.channelIds}
                base={draft}
                own={s.own}
                playlists={s.playlists}
                useSchedule={useSchedule}
                titlePlaceholder="Each video's title"
                onOwn={s.setOwn}
                onPlaylist={s.setPlaylist}
              />
            )}
          </>
        )}
        {s.error && (
          <p className="error-text" role="alert">
            {s.error}
          </p>
        )}
        <Group gap="xs" mt="sm">
          {!done && (
            <Button
              variant="filled"
              disabled={s.busy || s.entries.length === 0 || broken}
              onClick={() => void s.confirm(draft, scheduled)}
            >
              Queue
            </Button>
          )}
          <Button variant="default" onClick={s.close}>
            {done ? 'Close' : 'Cancel'}
          </Button>
        </Group>
      </section>
    </Modal>
  );
}
