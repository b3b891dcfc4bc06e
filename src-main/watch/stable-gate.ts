import { stat } from 'node:fs/promises';
import type { Clock } from '../base/clock.ts';

export interface StableStat {
  size: number;
  mtimeMs: number;
}

interface Entry {
  size: number;
  mtimeMs: number;
  since: number;
  cancel: (() => void) | null;
}

/**
 * A file is "stable" once its size and mtime have not changed for `windowMs`.
 * The gate re-checks with its own stat when the window ends, so a missed
 * watcher event can delay a file but never let a growing one through.
 */
export class StableGate {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: Clock;
  readonly #windowMs: number;
  readonly #onStable: (path: string, stats: StableStat) => void;
  readonly #onError: (path: string, error: unknown) => void;

  constructor(opts: {
    clock: Clock;
    windowMs: number;
    onStable: (path: string, stats: StableStat) => void;
    onError?: (path: string, error: unknown) => void;
  }) {
    this.#clock = opts.clock;
    this.#windowMs = opts.windowMs;
    this.#onStable = opts.onStable;
    this.#onError = opts.onError ?? (() => undefined);
  }

  get size(): number {
    return this.#entries.size;
  }

  has(path: string): boolean {
    return this.#entries.has(path);
  }

  /** Something happened to the file (added, changed, or asked to be looked at again). */
  touch(path: string, delayMs = this.#windowMs): void {
    void this.#check(path, delayMs);
  }

  forget(path: string): void {
    this.#entries.get(path)?.cancel?.();
    this.#entries.delete(path);
  }

  clear(): void {
    for (const entry of this.#entries.values()) entry.cancel?.();
    this.#entries.clear();
  }

  async #check(path: string, delayMs: number): Promise<void> {
    let stats;
    try {
      stats = await stat(path);
    } catch (error) {
      this.forget(path);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#onError(path, error);
      return;
    }
    const now = this.#clock.now();
    const mtimeMs = Math.floor(stats.mtimeMs);
    let entry = this.#entries.get(path);
    if (!entry || entry.size !== stats.size || entry.mtimeMs !== mtimeMs) {
      entry?.cancel?.();
      entry = { size: stats.size, mtimeMs, since: now, cancel: null };
      this.#entries.set(path, entry);
    }
    const quietFor = now - entry.since;
    if (quietFor >= this.#windowMs && delayMs === 0) {
      this.#entries.delete(path);
      this.#onStable(path, { size: entry.size, mtimeMs: entry.mtimeMs });
      return;
    }
    entry.cancel?.();
    const current = entry;
    const wait = Math.max(this.#windowMs - quietFor, delayMs, 1);
    current.cancel = this.#clock.setTimeout(() => {
      if (this.#entries.get(path) !== current) return;
      current.cancel = null;
      void this.#check(path, 0);
    }, wait);
  }
}
