import { Fieldset, Switch } from '@mantine/core';
import { useChannels } from '../../state/channels-store.ts';
import { DetailsFields } from './DetailsFields.tsx';
import { PlaylistSelect } from './PlaylistSelect.tsx';
import type { DetailsDraft } from './upload-draft.ts';

/**
 * What differs per channel: its playlist (a channel's own), and, switched on,
 * its own copy of every detail, starting from the shared ones.
 */
export function ChannelDetails({
  channelIds,
  base,
  own,
  playlists,
  useSchedule,
  onOwn,
  onPlaylist,
  titlePlaceholder = "Each file's name",
}: {
  channelIds: readonly string[];
  base: DetailsDraft;
  own: Readonly<Record<string, DetailsDraft>>;
  playlists: Readonly<Record<string, string | null>>;
  useSchedule: boolean;
  onOwn(channelId: string, draft: DetailsDraft | null): void;
  onPlaylist(channelId: string, playlistId: string | null): void;
  /** What an own title left empty means. */
  titlePlaceholder?: string;
}) {
  const channels = useChannels((s) => s.channels);
  const titleOf = (id: string) => channels.find((c) => c.id === id)?.title ?? id;
  return (
    <div className="channel-details">
      {channelIds.map((id) => {
        const title = titleOf(id);
        const draft = own[id];
        return (
          <Fieldset
            key={id}
            legend={title}
            aria-label={`Details for ${title}`}
            data-testid="channel-details"
            data-channel-id={id}
            variant="filled"
          >
            <PlaylistSelect
              channelId={id}
              channelTitle={title}
              value={playlists[id] ?? null}
              onChange={(p) => onPlaylist(id, p)}
            />
            {channelIds.length > 1 && (
              <Switch
                mt="sm"
                label={`Own details on ${title}`}
                description={draft ? undefined : 'Uses the details above'}
                checked={draft !== undefined}
                onChange={(e) => onOwn(id, e.currentTarget.checked ? { ...base } : null)}
              />
            )}
            {draft && (
              <DetailsFields
                draft={draft}
                titlePlaceholder={titlePlaceholder}
                useSchedule={useSchedule}
                onChange={(patch) => onOwn(id, { ...draft, ...patch })}
              />
            )}
          </Fieldset>
        );
      })}
    </div>
  );
}
