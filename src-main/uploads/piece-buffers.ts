/** Buffers kept in flight at once: reads of the next pieces overlap the socket's writes. */
const slots = 4;
/** Large pieces keep the per-piece cost (a read, a write, a progress tick) small next to the bytes. */
const maxPieceSize = 1024 * 1024;
const minPieceSize = 16 * 1024;

/**
 * Bytes per read: 1 MiB without a limit; under a limit, about an eighth of a
 * second's worth, so pacing stays smooth and progress keeps moving.
 */
export function pieceSizeFor(limitKiBps: number): number {
  if (limitKiBps <= 0) return maxPieceSize;
  return Math.max(minPieceSize, Math.min(maxPieceSize, Math.floor((limitKiBps * 1024) / 8)));
}

/**
 * A few buffers one upload reuses for every piece of every chunk. Uploading
 * through fresh buffers made a garbage buffer of every byte of the file, and
 * collecting them cost a quarter of the upload time; these are allocated
 * once. One writer holds them at a time.
 */
export class PieceBuffers {
  #buffers: Buffer[] | null = null;
  #free: Promise<void> = Promise.resolve();

  /** Allocated on first use: a run that waits for quota or finds the video done sends nothing. */
  get buffers(): readonly Buffer[] {
    // Full size even under a speed limit: the limit may be lifted mid-upload.
    this.#buffers ??= Array.from({ length: slots }, () => Buffer.allocUnsafe(maxPieceSize));
    return this.#buffers;
  }

  /** Waits for the previous writer to let go; call the returned function to let go. */
  async acquire(): Promise<() => void> {
    const previous = this.#free;
    let release!: () => void;
    this.#free = new Promise((resolve) => (release = resolve));
    await previous;
    return release;
  }
}
