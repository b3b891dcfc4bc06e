import { isAppError } from '../../src-shared/api/errors.ts';
import type { ChannelCheck } from '../../src-shared/domain/channel.ts';
import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { ChannelRepository, CheckOutcome } from './channel-repository.ts';

export interface HealthCheckDeps {
  clock: Clock;
  channels: ChannelRepository;
  /** One refresh through the token manager (and so its global limiter); throws AppError. */
  refresh(channelId: string): Promise<unknown>;
  /** The setting `healthCheckHours`, read each time a check is planned. */
  intervalMs(): number;
  /** Start-up checks are spread over this window (two minutes), so a restart is no refresh storm. */
  startSpreadMs: number;
  /** After a network failure (no verdict), check again this much later. */
  retryMs: number;
  random: () => number;
  log: Logger;
  onChange(): void;
}

export const defaultHealthTiming = { startSpreadMs: 2 * 60_000, retryMs: 30 * 60_000 };

const words: Record<CheckOutcome, string> = {
  ok: 'Google accepted the sign-in.',
  needs_reconsent: 'Google no longer accepts the sign-in: reconnect the channel.',
  unreachable: 'Google could not be reached; checked again later.',
};

/**
 * A rare, separate check of every connected channel's grant: one refresh each,
 * spread over the first minutes after start, then every `healthCheckHours`.
 * It finds a revoked or expired grant (invalid_grant: the token manager marks
 * the channel and posts the notice) before an upload needs the token. Idle
 * access tokens still lapse in memory: a check keeps no channel warm.
 */
export class HealthChecks {
  readonly #d: HealthCheckDeps;
  readonly #timers = new Map<string, () => void>();
  #started = false;

  constructor(deps: HealthCheckDeps) {
    this.#d = deps;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const c of this.#d.channels.all())
      if (c.status === 'connected')
        this.#arm(c.id, Math.floor(this.#d.random() * this.#d.startSpreadMs));
  }

  /** Plans a check for connected channels that have none (connected since start), a full interval away. */
  sync(): void {
    if (!this.#started) return;
    for (const c of this.#d.channels.all()) {
      if (c.status === 'connected' && !this.#timers.has(c.id))
        this.#arm(c.id, this.#d.intervalMs());
      if (c.status !== 'connected' && this.#timers.has(c.id)) this.#disarm(c.id);
    }
  }

  stop(): void {
    this.#started = false;
    for (const id of [...this.#timers.keys()]) this.#disarm(id);
  }

  /** `dropline channels check`: every connected channel now (or one), in parallel through the limiter. */
  async checkNow(channelId?: string): Promise<ChannelCheck[]> {
    const all = this.#d.channels.all().filter((c) => channelId === undefined || c.id === channelId);
    return Promise.all(all.map((c) => this.#check(c.id)));
  }

  #arm(channelId: string, delayMs: number): void {
    this.#disarm(channelId);
    const cancel = this.#d.clock.setTimeout(() => {
      this.#timers.delete(channelId);
      void this.#check(channelId);
    }, delayMs);
    this.#timers.set(channelId, cancel);
  }

  #disarm(channelId: string): void {
    this.#timers.get(channelId)?.();
    this.#timers.delete(channelId);
  }

  async #check(channelId: string): Promise<ChannelCheck> {
    const before = this.#d.channels.get(channelId);
    if (!before || before.status !== 'connected') {
      return {
        id: channelId,
        title: before?.title ?? channelId,
        result: before?.status === 'needs_reconsent' ? 'needs_reconsent' : 'skipped',
        status: before?.status ?? 'disconnected',
        message:
          before?.status === 'needs_reconsent'
            ? words.needs_reconsent
            : 'Not connected: nothing to check.',
        grantExpiresAt: before?.grantExpiresAt ?? null,
      };
    }
    let outcome: CheckOutcome;
    let detail = '';
    try {
      await this.#d.refresh(channelId);
      outcome = 'ok';
    } catch (error) {
      outcome =
        isAppError(error) && error.code === 'needs_reconsent' ? 'needs_reconsent' : 'unreachable';
      detail = error instanceof Error ? error.message : String(error);
      if (outcome === 'unreachable')
        this.#d.log.warn('health check found no verdict', { channelId, error: detail });
    }
    const at = new Date(this.#d.clock.now()).toISOString();
    this.#d.channels.recordCheck(channelId, outcome, at);
    this.#d.log.info('channel health checked', { channelId, outcome });
    const after = this.#d.channels.get(channelId);
    if (this.#started && after?.status === 'connected')
      this.#arm(channelId, outcome === 'unreachable' ? this.#d.retryMs : this.#d.intervalMs());
    this.#d.onChange();
    return {
      id: channelId,
      title: after?.title ?? before.title,
      result: outcome,
      status: after?.status ?? before.status,
      message:
        outcome === 'unreachable' && detail ? `${words.unreachable} (${detail})` : words[outcome],
      grantExpiresAt: after?.grantExpiresAt ?? null,
    };
  }
}
