import { Text } from '@mantine/core';
import { useChannels } from '../../state/channels-store.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The channels at a glance, in a creator's words: how many are connected, how many need a
 * reconnect, and whether Dropline kept their sign-ins fresh today. The engine's raw token
 * statistics (tokens in memory and so on) stay in `dropline channels --json`, not on screen.
 */
export function TokenStatsPanel() {
  const stats = useChannels((s) => s.stats);
  if (!stats) return null;
  const b = stats.byStatus;
  const connected = b.connected + b.refreshing;
  const parts = [plural(connected, 'channel connected', 'channels connected')];
  if (b.needs_reconsent > 0)
    parts.push(plural(b.needs_reconsent, 'needs', 'need') + ' reconnecting');
  if (b.disconnected > 0) parts.push(`${b.disconnected} disconnected`);
  const renewed =
    stats.refreshesLast24h === 0
      ? null
      : `sign-ins renewed ${plural(stats.refreshesLast24h, 'time', 'times')} in the last 24 h` +
        (stats.refreshFailuresLast24h > 0 ? ` (${stats.refreshFailuresLast24h} failed)` : '');
  return (
    <Text size="sm" c="dimmed" data-testid="token-stats">
      {[...parts, ...(renewed ? [renewed] : [])].join(' · ')}
    </Text>
  );
}
