import { useEffect } from 'react';
import { useChannels } from '../state/channels-store.ts';
import { useNavigation } from '../state/navigation-store.ts';
import { channelOptions } from './channel-options.ts';
import { useTikTok } from '../state/tiktok-store.ts';
import './channel-picker.css';

interface ChannelPickerProps {
  picked: readonly string[];
  onToggle(channelId: string, on: boolean): void;
  /** The legend of the fieldset around the checkboxes. */
  legend?: string;
}

/**
 * Checkboxes of the connected channels, by title; with none connected, a way
 * to the Channels screen. The caller owns the picked ids.
 */
export function ChannelPicker({ picked, onToggle, legend = 'Channels' }: ChannelPickerProps) {
  const channels = useChannels((s) => s.channels);
  const loaded = useChannels((s) => s.loaded);
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    if (!loaded) void useChannels.getState().load();
  }, [loaded]);
  const tiktok = useTikTok((s) => s.accounts);
  useEffect(() => {
    if (!useTikTok.getState().loaded) void useTikTok.getState().load();
  }, []);
  // TikTok accounts are destinations too (`tiktok:<open_id>`): one job per destination.
  const options = [
    ...channelOptions(channels, picked).filter((o) => !o.id.startsWith('tiktok:')),
    ...tiktok
      .filter((a) => a.status !== 'disconnected')
      .map((a) => ({
        id: a.id,
        label: `TikTok: ${a.nickname}`,
        note: a.status === 'connected' ? null : a.status.replace('_', ' '),
      })),
  ];
  return (
    <fieldset className="channel-picker">
      <legend>{legend}</legend>
      {options.length === 0 ? (
        <div className="channel-picker-empty" data-testid="channel-picker-empty">
          {loaded ? 'No channel is connected yet.' : 'Loading channels...'}{' '}
          <button type="button" className="link-button" onClick={() => go('channels')}>
            Connect one on the Channels screen
          </button>
        </div>
      ) : (
        <div className="channel-options">
          {options.map((o) => (
            <label key={o.id} className="channel-option" title={o.id}>
              <input
                type="checkbox"
                name="channel"
                value={o.id}
                checked={picked.includes(o.id)}
                onChange={(e) => onToggle(o.id, e.target.checked)}
              />
              {o.label}
              {o.note && <span className="channel-note"> ({o.note})</span>}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
