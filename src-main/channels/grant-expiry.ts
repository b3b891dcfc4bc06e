import type { NoticeInput } from '../../src-shared/domain/notice.ts';
import type { Clock } from '../base/clock.ts';
import type { ChannelRecord, ChannelRepository } from './channel-repository.ts';
import { TESTING_MODE_WHY, timeLeftWords } from '../../src-shared/domain/grant-expiry.ts';

/** Advance notices before a Testing-mode grant ends, largest first. */
export const GRANT_NOTICE_HOURS = [48, 12] as const;

const HOUR = 3600_000;

export interface GrantExpiryDeps {
  clock: Clock;
  channels: ChannelRepository;
  notify(notice: NoticeInput): void;
}

/**
 * Notices 48 and 12 hours before a Testing-mode grant ends (each once: the
 * last one sent is stored, so a restart does not repeat it; a reconnect
 * stores a new end and starts over). One timer, for the nearest notice due.
 */
export class GrantExpiryNotices {
  readonly #d: GrantExpiryDeps;
  #cancel: (() => void) | null = null;
  #stopped = false;

  constructor(deps: GrantExpiryDeps) {
    this.#d = deps;
  }

  /** Sends what is due now and sets the timer for the next; call after any channel change. */
  arm(): void {
    this.#cancel?.();
    this.#cancel = null;
    if (this.#stopped) return;
    const now = this.#d.clock.now();
    let next = Infinity;
    let sent = false;
    for (const channel of this.#d.channels.all()) {
      if (channel.status !== 'connected' || channel.grantExpiresAt === null) continue;
      const end = Date.parse(channel.grantExpiresAt);
      if (!Number.isFinite(end) || end <= now) continue;
      const due = this.#nextDue(channel, end);
      if (due === null) continue;
      if (due.at <= now) {
        this.#send(channel, end, due.hours, now);
        sent = true;
      } else next = Math.min(next, due.at);
    }
    // A notice sent moves its channel on to the next one: plan again (it ends, each is sent once).
    if (sent) return this.arm();
    if (next !== Infinity) this.#cancel = this.#d.clock.setTimeout(() => this.arm(), next - now);
  }

  stop(): void {
    this.#stopped = true;
    this.#cancel?.();
    this.#cancel = null;
  }

  /** The notice still to send: the smallest threshold already reached, else the next one ahead. */
  #nextDue(channel: ChannelRecord, end: number): { hours: number; at: number } | null {
    const sent = channel.grantNoticeHours ?? Infinity;
    const now = this.#d.clock.now();
    const open = GRANT_NOTICE_HOURS.filter((h) => h < sent);
    const reached = open.filter((h) => end - h * HOUR <= now);
    const hours = reached.length ? Math.min(...reached) : open[0];
    return hours === undefined ? null : { hours, at: end - hours * HOUR };
  }

  #send(channel: ChannelRecord, end: number, hours: number, now: number): void {
    this.#d.channels.markGrantNotice(channel.id, hours);
    this.#d.notify({
      kind: 'sign_in_ending',
      level: 'warning',
      title: `Sign-in of "${channel.title}" ends ${timeLeftWords(end - now)}`,
      message: `${TESTING_MODE_WHY} It ends at ${new Date(end).toISOString()}.`,
      channelId: channel.id,
    });
  }
}
