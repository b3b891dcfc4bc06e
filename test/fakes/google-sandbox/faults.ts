/** Failures a test arms ahead of time; each is consumed by the requests it hits. */
export interface FaultSpec {
  /** Cut the connection of the next `count` upload PUTs after `afterBytes` body bytes. */
  dropUpload?: { afterBytes: number; count?: number } | null;
  /** Answer `status` to the next `count` requests whose path starts with `pathPrefix`. */
  failNext?: { count: number; status: number; reason?: string; pathPrefix?: string } | null;
  /**
   * The next `count` uploads' final chunk is stored (the video exists) but its answer is lost:
   * the connection closes before the 200. Only a status query then tells the client it is done.
   */
  dropFinalAnswer?: { count?: number } | null;
  /** Delay before every answer (ms). */
  latencyMs?: number;
  /** Read upload bodies no faster than this (bytes per second); null = unlimited. */
  bandwidthBytesPerSec?: number | null;
}

export interface FaultsSnapshot {
  dropUpload: { afterBytes: number; remaining: number } | null;
  dropFinalAnswer: { remaining: number } | null;
  failNext: { remaining: number; status: number; reason: string | null; pathPrefix: string } | null;
  latencyMs: number;
  bandwidthBytesPerSec: number | null;
}

function nonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`sandbox faults: ${name} must be a non-negative number`);
  return value;
}

export class Faults {
  #drop: FaultsSnapshot['dropUpload'] = null;
  #dropFinal: FaultsSnapshot['dropFinalAnswer'] = null;
  #fail: FaultsSnapshot['failNext'] = null;
  #latencyMs = 0;
  #bandwidth: number | null = null;

  /** Merges the given faults into the armed ones; `null` disarms one. */
  set(spec: FaultSpec): FaultsSnapshot {
    for (const key of Object.keys(spec))
      if (
        ![
          'dropUpload',
          'dropFinalAnswer',
          'failNext',
          'latencyMs',
          'bandwidthBytesPerSec',
        ].includes(key)
      )
        throw new Error(`sandbox faults: unknown fault "${key}"`);
    if (spec.dropUpload !== undefined)
      this.#drop = spec.dropUpload && {
        afterBytes: nonNegative('dropUpload.afterBytes', spec.dropUpload.afterBytes),
        remaining: nonNegative('dropUpload.count', spec.dropUpload.count ?? 1),
      };
    if (spec.dropFinalAnswer !== undefined)
      this.#dropFinal = spec.dropFinalAnswer && {
        remaining: nonNegative('dropFinalAnswer.count', spec.dropFinalAnswer.count ?? 1),
      };
    if (spec.failNext !== undefined) {
      const f = spec.failNext;
      if (f && (f.status < 400 || f.status > 599))
        throw new Error('sandbox faults: failNext.status must be 4xx or 5xx');
      this.#fail = f && {
        remaining: nonNegative('failNext.count', f.count),
        status: f.status,
        reason: f.reason ?? null,
        pathPrefix: f.pathPrefix ?? '/',
      };
    }
    if (spec.latencyMs !== undefined) this.#latencyMs = nonNegative('latencyMs', spec.latencyMs);
    if (spec.bandwidthBytesPerSec !== undefined)
      this.#bandwidth =
        spec.bandwidthBytesPerSec === null
          ? null
          : nonNegative('bandwidthBytesPerSec', spec.bandwidthBytesPerSec) || null;
    return this.snapshot();
  }

  clear(): FaultsSnapshot {
    this.#drop = null;
    this.#dropFinal = null;
    this.#fail = null;
    this.#latencyMs = 0;
    this.#bandwidth = null;
    return this.snapshot();
  }

  snapshot(): FaultsSnapshot {
    return {
      dropUpload: this.#drop && { ...this.#drop },
      dropFinalAnswer: this.#dropFinal && { ...this.#dropFinal },
      failNext: this.#fail && { ...this.#fail },
      latencyMs: this.#latencyMs,
      bandwidthBytesPerSec: this.#bandwidth,
    };
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  get bandwidthBytesPerSec(): number | null {
    return this.#bandwidth;
  }

  /** Consumes one armed failure if it applies to this path. */
  takeFailure(path: string): { status: number; reason: string | null } | null {
    const fail = this.#fail;
    if (!fail || fail.remaining <= 0 || !path.startsWith(fail.pathPrefix)) return null;
    fail.remaining--;
    if (fail.remaining === 0) this.#fail = null;
    return { status: fail.status, reason: fail.reason };
  }

  /** Consumes one armed connection drop for an upload PUT: the byte count to cut after. */
  takeDrop(): number | null {
    const drop = this.#drop;
    if (!drop || drop.remaining <= 0) return null;
    drop.remaining--;
    if (drop.remaining === 0) this.#drop = null;
    return drop.afterBytes;
  }

  /** Consumes one armed loss of a completed upload's answer. */
  takeFinalAnswerDrop(): boolean {
    const drop = this.#dropFinal;
    if (!drop || drop.remaining <= 0) return false;
    drop.remaining--;
    if (drop.remaining === 0) this.#dropFinal = null;
    return true;
  }
}
