/** The sandbox's now: real time plus an offset tests move, so tokens, URLs and rate windows expire without waiting. */
export class TikTokClock {
  #offsetMs = 0;
  now(): number {
    return Date.now() + this.#offsetMs;
  }
  advance(ms: number): number {
    if (!Number.isFinite(ms)) throw new Error(`clock.advance: not a number of ms: ${ms}`);
    this.#offsetMs += ms;
    return this.now();
  }
}
