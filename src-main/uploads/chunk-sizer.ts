import { chunkQuantum } from './runner-deps.ts';

/** A chunk should take about this long: long enough that the turnaround between chunks is noise. */
const targetMs = 2000;
/** Growth per chunk is bounded, so one lucky fast chunk does not jump to the ceiling. */
const maxGrowth = 4;

/**
 * Adaptive chunk size for one upload. Every chunk costs a round trip and a
 * pause in the byte stream; on a fast link 8 MiB chunks spend a quarter of
 * the time in those pauses. The size follows the measured rate so a chunk
 * takes about two seconds, between the first size and the ceiling, always a
 * multiple of 256 KiB (google-facts.md). Google keeps what it received in
 * 256 KiB units, so a larger chunk does not mean more bytes sent again after
 * a drop.
 */
export class ChunkSizer {
  readonly #first: number;
  readonly #max: number;
  #size: number;

  constructor(first: number, max: number) {
    this.#first = first;
    this.#max = Math.max(first, max);
    this.#size = first;
  }

  get size(): number {
    return this.#size;
  }

  /** A chunk of `bytes` went through in `ms`. */
  record(bytes: number, ms: number): void {
    if (bytes <= 0) return;
    const ideal = (bytes / Math.max(ms, 1)) * targetMs;
    const bounded = Math.min(ideal, this.#size * maxGrowth, this.#max);
    const aligned = Math.floor(bounded / chunkQuantum) * chunkQuantum;
    this.#size = Math.max(this.#first, aligned);
  }

  /** After an error the link is unknown again: start over small. */
  reset(): void {
    this.#size = this.#first;
  }
}
