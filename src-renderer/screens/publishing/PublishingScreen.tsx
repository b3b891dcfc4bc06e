import { useEffect } from 'react';
import { useChannels } from '../../state/channels-store.ts';
import { PresetsEditor } from './PresetsEditor.tsx';
import { ScheduleCard } from './ScheduleCard.tsx';
import { usePublishing } from './publishing-store.ts';
import './publishing.css';

/** Publishing plans: each channel's slots and the video filling each, and the presets. */
export function PublishingScreen() {
  const { loaded, load } = usePublishing();
  const loadError = usePublishing((s) => s.errors.load);
  const channels = useChannels((s) => s.channels);
  const channelsLoaded = useChannels((s) => s.loaded);
  useEffect(() => {
    if (!loaded) void load();
    if (!useChannels.getState().loaded) void useChannels.getState().load();
  }, [loaded, load]);
  const connected = channels.filter((c) => c.status !== 'disconnected');
  return (
    <section className="screen publishing-screen">
      <h2>Publishing</h2>
      <p className="muted">
        A schedule gives a channel its publishing slots: a video sent with the schedule (a watched
        folder set to it, a drop, or <code>dropline upload --schedule</code>) takes the next free
        one and stays private until then.
      </p>
      {loadError && (
        <p className="error-text" role="alert">
          {loadError}
        </p>
      )}
      <h3>Schedules</h3>
      {channelsLoaded && connected.length === 0 && (
        <p className="muted">Connect a channel on the Channels screen first.</p>
      )}
      {connected.map((c) => (
        <ScheduleCard key={c.id} channel={c} />
      ))}
      <h3>Presets</h3>
      <PresetsEditor />
    </section>
  );
}
