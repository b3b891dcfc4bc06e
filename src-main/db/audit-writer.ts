import type { Clock } from '../base/clock.ts';
import { redactString } from '../logging/redact.ts';
import type { Db } from './database.ts';

export interface AuditRow {
  subjectKind: string;
  subjectId: string | null;
  action: string;
  outcome: 'ok' | 'failed';
  detail: string | null;
}

const MAX_DETAIL = 2000;

/**
 * The one way a row enters audit_log. Details pass the redactor here, so no
 * caller can put a token or cookie value into the audit trail by accident.
 */
export function writeAudit(db: Db, clock: Clock, row: AuditRow): void {
  db.prepare(
    'INSERT INTO audit_log (at, subject_kind, subject_id, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    new Date(clock.now()).toISOString(),
    row.subjectKind,
    row.subjectId,
    row.action,
    row.outcome,
    row.detail === null ? null : redactString(row.detail).slice(0, MAX_DETAIL),
  );
}
