import type { Db } from '../db/database.ts';
import type { Clock } from '../core/clock.ts';
import { redactString } from '../logging/redact.ts';

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
    this.#db
      .prepare(
        'INSERT INTO audit_log (at, subject_kind, subject_id, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        new Date(this.#clock.now()).toISOString(),
        'cookie_file',
        subjectId,
        action,
        outcome,
        redactString(JSON.stringify(detail)),
      );
  }
}
