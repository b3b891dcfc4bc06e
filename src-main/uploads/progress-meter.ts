import type { Clock } from '../base/clock.ts';

export interface ProgressSample {
  bytesSent: number;
  rate: number;
  etaSeconds: number | null;
}

const windowMs = 5000;
/** At most 4 progress events per second per job (issue 5). */
export const progressIntervalMs = 250;

/** Rate over a sliding window and ETA for one job; decides when an event is due. */
export class ProgressMeter {
  readonly #clock: Clock;
  readonly #total: number;
  readonly #emit: (sample: ProgressSample) => void;
  #confirmed = 0;
  #inFlight = 0;
  #written = 0;
  #samples: { at: number; written: number }[] = [];
  #lastEmit = -Infinity;
  /** Cancels the pending trailing event, if one is scheduled. */
  #trailing: (() => void) | null = null;
  #stopped = false;

  constructor(clock: Clock, total: number, emit: (sample: ProgressSample) => void) {
    this.#clock = clock;
    this.#total = total;
    this.#emit = emit;
  }

  /** Google confirmed bytes 0..offset-1; in-flight bytes of the chunk start over. */
  confirm(offset: number): void {
    this.#confirmed = offset;
    this.#inFlight = 0;
    this.#maybeEmit();
  }

  add(bytes: number): void {
    this.#inFlight += bytes;
    this.#written += bytes;
    this.#maybeEmit();
  }

  sample(): ProgressSample {
    const now = this.#clock.now();
    this.#samples.push({ at: now, written: this.#written });
    while (this.#samples.length > 2 && now - this.#samples[0]!.at > windowMs) this.#samples.shift();
    const first = this.#samples[0]!;
    const elapsed = (now - first.at) / 1000;
    const rate = elapsed > 0 ? (this.#written - first.written) / elapsed : 0;
    const bytesSent = Math.min(this.#total, this.#confirmed + this.#inFlight);
    const etaSeconds = rate > 0 ? Math.round((this.#total - bytesSent) / rate) : null;
    return { bytesSent, rate: Math.round(rate), etaSeconds };
  }

  /** No more events: the job left the upload (the state change tells the rest). */
  stop(): void {
    this.#stopped = true;
    this.#trailing?.();
    this.#trailing = null;
  }

  #maybeEmit(): void {
    if (this.#stopped) return;
    const now = this.#clock.now();
    // Sampling only when an event is due keeps the window short and each piece cheap.
    const wait = this.#lastEmit + progressIntervalMs - now;
    if (wait <= 0) return this.#emitNow(now);
    // A burst that ends inside the interval is still shown: once the interval is over.
    this.#trailing ??= this.#clock.setTimeout(() => {
      this.#trailing = null;
      this.#emitNow(this.#clock.now());
    }, wait);
  }

  #emitNow(now: number): void {
    this.#trailing?.();
    this.#trailing = null;
    this.#lastEmit = now;
    this.#emit(this.sample());
  }
}
