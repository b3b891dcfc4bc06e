import { Text } from '@mantine/core';
import type { Channel } from '../../../src-shared/domain/channel.ts';
import { TESTING_MODE_WHY, timeLeftWords } from '../../../src-shared/domain/grant-expiry.ts';

/** "Sign-in ends in 5 days (Google Testing mode)", with why and the fix; nothing when Google gave no end. */
export function GrantExpiry({ channel, now = Date.now() }: { channel: Channel; now?: number }) {
  if (!channel.grantExpiresAt || channel.status === 'disconnected') return null;
  const left = Date.parse(channel.grantExpiresAt) - now;
  return (
    <div className="grant-expiry" data-testid="grant-expiry">
      <Text size="sm" fw={600} c={left < 48 * 3600_000 ? 'red' : undefined}>
        {left > 0
          ? `Sign-in ends ${timeLeftWords(left)} (Google Testing mode)`
          : 'Sign-in ended (Google Testing mode): reconnect'}
      </Text>
      <Text size="xs" c="dimmed">
        {TESTING_MODE_WHY}
      </Text>
    </div>
  );
}
