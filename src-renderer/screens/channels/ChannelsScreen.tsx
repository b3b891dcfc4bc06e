import { useEffect } from 'react';
import { useChannels } from '../../state/channels-store.ts';
import { ChannelCard } from './ChannelCard.tsx';
import { ClientSetup } from './ClientSetup.tsx';
import { ConnectPanel } from './ConnectPanel.tsx';
import { TokenStatsPanel } from './TokenStatsPanel.tsx';
import { SetupGuide } from './SetupGuide.tsx';
import { TikTokAccounts } from './TikTokAccounts.tsx';
import './channels.css';

export function ChannelsScreen() {
  const { channels, loaded, error, load } = useChannels();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  return (
    <section className="screen channels-screen">
      <h2>Channels</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <SetupGuide />
      <ClientSetup />
      <ConnectPanel />
      <TokenStatsPanel />
      {loaded && channels.length === 0 ? (
        <p className="muted">
          No channels yet. Connect each of your YouTube channels once, with Google sign-in in your
          own browser; Dropline keeps their access fresh and tells you when one needs you again.
        </p>
      ) : (
        <ul className="channel-list" aria-label="Channels">
          {channels.map((c) => (
            <ChannelCard key={c.id} channel={c} />
          ))}
        </ul>
      )}
      <TikTokAccounts />
    </section>
  );
}
