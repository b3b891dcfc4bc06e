import type { QuotaStatus } from '../../src-shared/domain/job.ts';
import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';
import { nextPacificMidnight, pacificDay } from './pacific-day.ts';
import { unitCost, type QuotaCall, type QuotaConfig } from './quota-costs.ts';

interface Sums {
  units: number;
  inserts: number;
  /** When Google said quotaExceeded today, and how many uploads had started by then. */
  refusal: { at: string; inserts: number } | null;
}

/**
 * Local accounting of Data API quota per Google Cloud project (one OAuth
 * client id) and Pacific day, so the queue never starts a call it knows
 * Google will refuse. Google's own `quotaExceeded` overrides it for the day.
 * Under the `auto` model uploads are not predicted at all: they start until
 * Google refuses one (a refused session start sends no video bytes).
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

  #sums(projectId: string): Sums {
    const day = this.#today();
    const row = this.#db
      .prepare(
        `SELECT COALESCE(SUM(units), 0) AS units,
                COALESCE(SUM(CASE WHEN call = 'videos.insert' THEN 1 ELSE 0 END), 0) AS inserts,
                MIN(CASE WHEN call = 'exhausted' THEN id END) AS refusalId
         FROM quota_ledger WHERE project_id = ? AND day = ?`,
      )
      .get(projectId, day) as { units: number; inserts: number; refusalId: number | null };
    let refusal: Sums['refusal'] = null;
    if (row.refusalId !== null) {
      const r = this.#db
        .prepare(
          `SELECT (SELECT at FROM quota_ledger WHERE id = @id) AS at,
                  (SELECT COUNT(*) FROM quota_ledger WHERE project_id = @p AND day = @day
                     AND call = 'videos.insert' AND id < @id) AS inserts`,
        )
        .get({ id: row.refusalId, p: projectId, day }) as { at: string; inserts: number };
      refusal = r;
    }
    return { units: row.units, inserts: row.inserts, refusal };
  }

  /** True when the call fits in what is left today. */
  canAfford(projectId: string, call: QuotaCall): boolean {
    const config = this.#config();
    const s = this.#sums(projectId);
    if (s.refusal) return false;
    if (call === 'videos.insert') {
      if (config.dailyUploadCap && s.inserts >= config.dailyUploadCap) return false;
      if (config.model === 'calls' && s.inserts >= config.dailyInsertCalls) return false;
      // Google decides: nothing predicted until it says quotaExceeded.
      if (config.model === 'auto') return true;
    }
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
    const exhausted = s.refusal !== null;
    const used = exhausted ? Math.max(s.units, config.dailyUnits) : s.units;
    const left = config.dailyUnits - used;
    const byUnits =
      config.model === 'units'
        ? Math.floor(Math.max(0, left) / config.videosInsertUnits)
        : Infinity;
    const byCalls =
      config.model === 'calls' ? Math.max(0, config.dailyInsertCalls - s.inserts) : Infinity;
    const byCap = config.dailyUploadCap ? Math.max(0, config.dailyUploadCap - s.inserts) : Infinity;
    const predicted = Math.min(byUnits, byCalls, byCap);
    return {
      projectId,
      model: config.model,
      used,
      limit: config.dailyUnits,
      left,
      uploadsLeft: exhausted ? 0 : Number.isFinite(predicted) ? predicted : null,
      uploadsToday: s.inserts,
      refusedAt: s.refusal?.at ?? null,
      refusedAtCount: s.refusal?.inserts ?? null,
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
