import type { Channel } from '../../src-shared/domain/channel.ts';

export interface ChannelOption {
  id: string;
  label: string;
  /** Why the option is not plainly usable ("needs reconsent", "not connected"); null when it is. */
  note: string | null;
}

const noteFor = (status: Channel['status']): string | null =>
  status === 'connected' ? null : status.replace('_', ' ');

/**
 * What a channel picker offers: every channel not disconnected, by title, and
 * any id already picked that is not among them (a disconnected channel, or an
 * id a watched folder was given from the command line), so unticking it stays
 * possible.
 */
export function channelOptions(channels: readonly Channel[], picked: readonly string[]) {
  const usable = channels.filter((c) => c.status !== 'disconnected');
  const known = new Set(usable.map((c) => c.id));
  const titleOf = (id: string) => channels.find((c) => c.id === id)?.title ?? id;
  return [
    ...usable.map((c): ChannelOption => ({ id: c.id, label: c.title, note: noteFor(c.status) })),
    ...[...new Set(picked)]
      .filter((id) => !known.has(id))
      .map((id): ChannelOption => ({ id, label: titleOf(id), note: 'not connected' })),
  ];
}

/** The picked ids after ticking (on) or unticking one, in the order they were ticked. */
export function toggleChannel(picked: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...picked, id])] : picked.filter((p) => p !== id);
}

/** Channel titles for a summary line; ids the store does not know stay ids. */
export function channelTitles(channels: readonly Channel[], ids: readonly string[]): string[] {
  return ids.map((id) => channels.find((c) => c.id === id)?.title ?? id);
}
