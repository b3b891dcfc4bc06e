import type { Clock } from '../base/clock.ts';

/**
 * A global upload cap shared by every running job: each piece of bytes
 * reserves its slot on one timeline, so jobs share the limit fairly.
 */
export class BandwidthLimiter {
  readonly #clock: Clock;
  readonly #limitKiBps: () => number;
  #nextFree = 0;

  constructor(clock: Clock, limitKiBps: () => number) {
    this.#clock = clock;
    this.#limitKiBps = limitKiBps;
  }

  /** The current cap in KiB/s; 0 means none. */
  limitKiBps(): number {
    return this.#limitKiBps();
  }

  /** Resolves when `bytes` may be sent; at once when there is no limit. */
  take(bytes: number, signal?: AbortSignal): Promise<void> {
    const limit = this.#limitKiBps();
    if (limit <= 0) return Promise.resolve();
    const now = this.#clock.now();
    // A long idle period does not bank up a burst beyond a quarter second.
    const start = Math.max(now - 250, this.#nextFree);
    this.#nextFree = start + (bytes / (limit * 1024)) * 1000;
    const wait = start - now;
    if (wait <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const cancel = this.#clock.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, wait);
      const onAbort = () => {
        cancel();
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
