/**
 * The sandbox's notion of now: real time plus an offset tests can move, so
 * tokens, codes, sessions and the quota day expire without waiting.
 */
export class SandboxClock {
  #offsetMs = 0;

  constructor(startAtMs?: number) {
    if (startAtMs !== undefined) this.set(startAtMs);
  }

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms)) throw new Error(`clock.advance: not a number of ms: ${ms}`);
    this.#offsetMs += ms;
    return this.now();
  }

  set(epochMs: number): number {
    if (!Number.isFinite(epochMs)) throw new Error(`clock.set: not an epoch ms: ${epochMs}`);
    this.#offsetMs = epochMs - Date.now();
    return this.now();
  }

  /** The next quota reset after now. */
  nextPacificMidnight(): number {
    return nextPacificMidnight(this.now());
  }
}

// YouTube quota days start at midnight America/Los_Angeles, DST included.
const pacificDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Pacific calendar day of an instant, as YYYY-MM-DD. */
export function pacificDay(epochMs: number): string {
  return pacificDate.format(new Date(epochMs));
}

/** The first instant of the Pacific day after the one holding epochMs. */
export function nextPacificMidnight(epochMs: number): number {
  const [y, m, d] = pacificDay(epochMs).split('-').map(Number) as [number, number, number];
  // Midnight in Los Angeles is 07:00 UTC in summer (PDT) and 08:00 UTC in winter (PST);
  // DST switches at 02:00, so midnight itself is never ambiguous.
  const summer = Date.UTC(y, m - 1, d + 1, 7);
  return pacificDay(summer - 1) === pacificDay(epochMs) &&
    pacificDay(summer) !== pacificDay(epochMs)
    ? summer
    : Date.UTC(y, m - 1, d + 1, 8);
}
