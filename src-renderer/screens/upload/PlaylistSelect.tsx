import { Select } from '@mantine/core';
import '../../theme/dropdown-styles.ts';
import { useEffect } from 'react';
import { usePlaylists } from './playlists-store.ts';

/** A playlist of this channel (searchable), or none. */
export function PlaylistSelect({
  channelId,
  channelTitle,
  value,
  onChange,
}: {
  channelId: string;
  channelTitle: string;
  value: string | null;
  onChange(playlistId: string | null): void;
}) {
  const list = usePlaylists((s) => s.byChannel[channelId]);
  const error = usePlaylists((s) => s.errors[channelId]);
  const loading = usePlaylists((s) => s.loading[channelId] ?? false);
  useEffect(() => {
    void usePlaylists.getState().load(channelId);
  }, [channelId]);
  const data = (list ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.privacy})` }));
  return (
    <Select
      label={`Playlist on ${channelTitle}`}
      placeholder={loading ? 'Loading playlists…' : list?.length === 0 ? 'No playlists' : 'None'}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage="No playlist of that name"
      error={error ? `Playlists could not be loaded: ${error}` : undefined}
      data-testid="playlist-select"
    />
  );
}
