import type { QuotaStatus } from '../../src-shared/domain/job.ts';
import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';
import { nextPacificMidnight, pacificDay } from './pacific-day.ts';
import { unitCost, type QuotaCall, type QuotaConfig } from './quota-costs.ts';

/**
 * Local accounting of Data API quota per Google Cloud project (one OAuth
 * client id) and Pacific day, so the queue never starts a call it knows
 * Google will refuse. Google's own `quotaExceeded` overrides it for the day.
 */
export class QuotaLedger {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #config: () => QuotaConfig;

  constructor(db: Db, clock: Clock, config: () => QuotaConfig) {
    this.#db = db;
    this.#clock = clock;
    this.#config = config;
  }

  #today(): string {
    return pacificDay(this.#clock.now());
  }

  #sums(projectId: string): { units: number; inserts: number; exhausted: boolean } {
    const row = this.#db
      .prepare(
        `SELECT COALESCE(SUM(units), 0) AS units,
                COALESCE(SUM(CASE WHEN call = 'videos.insert' THEN 1 ELSE 0 END), 0) AS inserts,
                COALESCE(MAX(CASE WHEN call = 'exhausted' THEN 1 ELSE 0 END), 0) AS exhausted
         FROM quota_ledger WHERE project_id = ? AND day = ?`,
      )
      .get(projectId, this.#today()) as { units: number; inserts: number; exhausted: number };
    return { units: row.units, inserts: row.inserts, exhausted: row.exhausted === 1 };
  }

  /** True when the call fits in what is left today. */
  canAfford(projectId: string, call: QuotaCall): boolean {
    const config = this.#config();
    const s = this.#sums(projectId);
    if (s.exhausted) return false;
    if (
      call === 'videos.insert' &&
      config.model === 'calls' &&
      s.inserts >= config.dailyInsertCalls
    )
      return false;
    return s.units + unitCost(call, config) <= config.dailyUnits;
  }

  charge(projectId: string, call: QuotaCall, ref: string | null = null): void {
    this.#db
      .prepare(
        'INSERT INTO quota_ledger (project_id, day, call, units, ref, at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(projectId, this.#today(), call, unitCost(call, this.#config()), ref, this.#isoNow());
  }

  /** Google said quotaExceeded: trust it over our count until the reset. */
  markExhausted(projectId: string): void {
    this.#db
      .prepare(
        "INSERT INTO quota_ledger (project_id, day, call, units, ref, at) VALUES (?, ?, 'exhausted', 0, NULL, ?)",
      )
      .run(projectId, this.#today(), this.#isoNow());
  }

  resetsAt(): number {
    return nextPacificMidnight(this.#clock.now());
  }

  status(projectId: string): QuotaStatus {
    const config = this.#config();
    const s = this.#sums(projectId);
    const used = s.exhausted ? Math.max(s.units, config.dailyUnits) : s.units;
    const left = config.dailyUnits - used;
    const byUnits =
      config.model === 'units'
        ? Math.floor(Math.max(0, left) / config.videosInsertUnits)
        : Infinity;
    const byCalls =
      config.model === 'calls' ? Math.max(0, config.dailyInsertCalls - s.inserts) : Infinity;
    return {
      projectId,
      model: config.model,
      used,
      limit: config.dailyUnits,
      left,
      uploadsLeft: s.exhausted ? 0 : Math.min(byUnits, byCalls),
      resetsAt: new Date(this.resetsAt()).toISOString(),
    };
  }

  projects(): string[] {
    return this.#db
      .prepare('SELECT DISTINCT project_id FROM quota_ledger WHERE day = ? ORDER BY project_id')
      .pluck()
      .all(this.#today()) as string[];
  }

  #isoNow(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}
