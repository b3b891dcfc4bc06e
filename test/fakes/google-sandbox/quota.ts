import { nextPacificMidnight, pacificDay, type SandboxClock } from './clock.ts';
import type { CostedMethod, SandboxConfig } from './config.ts';

export type QuotaMethod = CostedMethod | 'videos.insert';

interface DayUsage {
  day: string;
  units: number;
  insertCalls: number;
  byMethod: Record<string, { calls: number; units: number }>;
}

export interface QuotaSnapshot {
  projectId: string;
  day: string;
  used: number;
  limit: number;
  videosInsertCostModel: 'units' | 'calls';
  insertCalls: number;
  insertCallLimit: number;
  byMethod: Record<string, { calls: number; units: number }>;
  resetsAt: string;
}

/** Per-project daily quota, reset at midnight Pacific on the sandbox clock. */
export class QuotaLedger {
  readonly #usage = new Map<string, DayUsage>();
  readonly #clock: SandboxClock;
  readonly #config: SandboxConfig;

  constructor(clock: SandboxClock, config: SandboxConfig) {
    this.#clock = clock;
    this.#config = config;
  }

  #today(projectId: string): DayUsage {
    const day = pacificDay(this.#clock.now());
    let usage = this.#usage.get(projectId);
    if (!usage || usage.day !== day) {
      usage = { day, units: 0, insertCalls: 0, byMethod: {} };
      this.#usage.set(projectId, usage);
    }
    return usage;
  }

  #fullCost(method: QuotaMethod): { units: number; calls: number } {
    if (method !== 'videos.insert') return { units: this.#config.costs[method], calls: 0 };
    return this.#config.videosInsertCostModel === 'units'
      ? { units: this.#config.videosInsertUnits, calls: 0 }
      : { units: 0, calls: 1 };
  }

  /** Whether the full cost of a call still fits in today's quota. */
  canAfford(projectId: string, method: QuotaMethod): boolean {
    const usage = this.#today(projectId);
    const cost = this.#fullCost(method);
    if (usage.units + cost.units > this.#config.quotaLimit) return false;
    return usage.insertCalls + cost.calls <= this.#config.videosInsertDailyCalls;
  }

  charge(projectId: string, method: QuotaMethod): void {
    this.#record(projectId, method, this.#fullCost(method));
  }

  /** Invalid requests still cost at least one unit. */
  chargeInvalid(projectId: string, method: QuotaMethod): void {
    this.#record(projectId, method, { units: 1, calls: 0 });
  }

  #record(projectId: string, method: QuotaMethod, cost: { units: number; calls: number }): void {
    const usage = this.#today(projectId);
    usage.units += cost.units;
    usage.insertCalls += cost.calls;
    const entry = (usage.byMethod[method] ??= { calls: 0, units: 0 });
    entry.calls++;
    entry.units += cost.units;
  }

  /** Sets today's usage directly, so a test can start near the limit. */
  setUsed(projectId: string, units: number, insertCalls = 0): void {
    const usage = this.#today(projectId);
    usage.units = units;
    usage.insertCalls = insertCalls;
  }

  snapshot(projectId: string): QuotaSnapshot {
    const usage = this.#today(projectId);
    return {
      projectId,
      day: usage.day,
      used: usage.units,
      limit: this.#config.quotaLimit,
      videosInsertCostModel: this.#config.videosInsertCostModel,
      insertCalls: usage.insertCalls,
      insertCallLimit: this.#config.videosInsertDailyCalls,
      byMethod: structuredClone(usage.byMethod),
      resetsAt: new Date(nextPacificMidnight(this.#clock.now())).toISOString(),
    };
  }
}
