import { useChannels } from '../../state/channels-store.ts';

/** The seed documents' token statistics: channels by status, refreshes and failures in 24 h. */
export function TokenStatsPanel() {
  const stats = useChannels((s) => s.stats);
  if (!stats) return null;
  const b = stats.byStatus;
  return (
    <dl className="token-stats" data-testid="token-stats">
      <dt>Connected</dt>
      <dd>{b.connected + b.refreshing}</dd>
      <dt>Need reconnect</dt>
      <dd>{b.needs_reconsent}</dd>
      <dt>Disconnected</dt>
      <dd>{b.disconnected}</dd>
      <dt>Refreshes (24 h)</dt>
      <dd data-testid="stats-refreshes">{stats.refreshesLast24h}</dd>
      <dt>Failures (24 h)</dt>
      <dd>{stats.refreshFailuresLast24h}</dd>
      <dt>Tokens in memory</dt>
      <dd>{stats.accessTokensInMemory}</dd>
    </dl>
  );
}
