import { localTimeZone } from '../../../src-shared/publishing/plain-date.ts';
import { describeInstant } from '../../../src-shared/publishing/zoned-time.ts';

/** A slot as the user reads it: in their zone, and in the channel's too when that differs. */
export function slotLabels(at: string, channelZone: string, userZone = localTimeZone()) {
  const ms = Date.parse(at);
  return {
    mine: describeInstant(ms, userZone),
    channel: channelZone === userZone ? null : describeInstant(ms, channelZone),
  };
}
