import type { AuditAction, AuditEntry } from '../../src-shared/domain/channel.ts';
import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';
import { writeAudit } from '../db/audit-writer.ts';

interface Row {
  id: number;
  at: string;
  subject_id: string | null;
  action: string;
  outcome: 'ok' | 'failed';
  detail: string | null;
}

/**
 * Who did what to which channel and how it went. Details are short plain
 * sentences; they pass the redactor anyway so a secret can never land here.
 */
export class AuditLog {
  readonly #db: Db;
  readonly #clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  record(
    channelId: string | null,
    action: AuditAction,
    outcome: 'ok' | 'failed',
    detail: string | null = null,
  ): void {
    writeAudit(this.#db, this.#clock, {
      subjectKind: channelId === null ? 'oauth_client' : 'channel',
      subjectId: channelId,
      action,
      outcome,
      detail: detail === null ? null : detail.slice(0, 500),
    });
  }

  forChannel(channelId: string, limit: number): AuditEntry[] {
    const rows = this.#db
      .prepare(
        "SELECT id, at, subject_id, action, outcome, detail FROM audit_log WHERE subject_kind = 'channel' AND subject_id = ? ORDER BY id DESC LIMIT ?",
      )
      .all(channelId, limit) as Row[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      channelId: r.subject_id,
      action: r.action,
      outcome: r.outcome,
      detail: r.detail,
    }));
  }

  /** Refresh counts since `sinceIso`, for the token statistics. */
  refreshCounts(sinceIso: string): { ok: number; failed: number } {
    const rows = this.#db
      .prepare(
        "SELECT outcome, COUNT(*) AS n FROM audit_log WHERE action = 'refresh' AND at >= ? GROUP BY outcome",
      )
      .all(sinceIso) as { outcome: string; n: number }[];
    const count = (o: string): number => rows.find((r) => r.outcome === o)?.n ?? 0;
    return { ok: count('ok'), failed: count('failed') };
  }
}
