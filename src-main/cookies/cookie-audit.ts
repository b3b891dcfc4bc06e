import type { Db } from '../db/database.ts';
import type { Clock } from '../base/clock.ts';
import { writeAudit } from '../db/audit-writer.ts';

export type CookieAuditAction =
  | 'import'
  | 'rotate'
  | 'use'
  | 'success'
  | 'failure'
  | 'fallback'
  | 'mark_failing'
  | 'remove'
  | 'delete_source'
  | 'prune';

/**
 * Rows in audit_log for cookie files: labels, version ids, download ids and
 * URLs only. Details are redacted once more in case a message quotes a value.
 */
export class CookieAudit {
  readonly #db: Db;
  readonly #clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  record(
    action: CookieAuditAction,
    subjectId: string,
    outcome: 'ok' | 'failed',
    detail: Record<string, string | number | boolean | null> = {},
  ): void {
    writeAudit(this.#db, this.#clock, {
      subjectKind: 'cookie_file',
      subjectId,
      action,
      outcome,
      detail: JSON.stringify(detail),
    });
  }
}
