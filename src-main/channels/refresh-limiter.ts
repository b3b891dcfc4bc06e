import type { Clock } from '../base/clock.ts';

export interface LimiterOptions {
  /** Refreshes running at once across all channels. */
  maxConcurrent: number;
  /** Refreshes started per second, on average (a token bucket). */
  perSecond: number;
  /** Starts allowed at once before the rate applies. */
  burst: number;
}

/**
 * A global gate in front of Google's token endpoint: a concurrency cap plus
 * a token bucket, first come first served, timed by the injected clock.
 */
export class RefreshLimiter {
  readonly #clock: Clock;
  readonly #opts: LimiterOptions;
  readonly #waiting: (() => void)[] = [];
  #active = 0;
  #tokens: number;
  #lastFill: number;
  #wakeScheduled = false;

  constructor(clock: Clock, opts: LimiterOptions) {
    this.#clock = clock;
    this.#opts = opts;
    this.#tokens = opts.burst;
    this.#lastFill = clock.now();
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /** Resolves with a release function once the caller may start. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.#waiting.push(() => {
        this.#active++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#active--;
          this.#pump();
        });
      });
      this.#pump();
    });
  }

  #fill(): void {
    const now = this.#clock.now();
    const elapsed = Math.max(0, now - this.#lastFill);
    this.#tokens = Math.min(
      this.#opts.burst,
      this.#tokens + (elapsed / 1000) * this.#opts.perSecond,
    );
    this.#lastFill = now;
  }

  #pump(): void {
    this.#fill();
    while (this.#waiting.length && this.#active < this.#opts.maxConcurrent && this.#tokens >= 1) {
      this.#tokens -= 1;
      this.#waiting.shift()?.();
    }
    if (this.#waiting.length && this.#active < this.#opts.maxConcurrent && !this.#wakeScheduled) {
      // Out of bucket tokens: come back when the next one has dripped in.
      const ms = Math.ceil(((1 - this.#tokens) / this.#opts.perSecond) * 1000);
      this.#wakeScheduled = true;
      this.#clock.setTimeout(
        () => {
          this.#wakeScheduled = false;
          this.#pump();
        },
        Math.max(1, ms),
      );
    }
  }
}
