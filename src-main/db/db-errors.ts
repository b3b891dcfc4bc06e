import { AppError } from '../../src-shared/api/errors.ts';

/** The AppError code of every database failure that reaches a caller. */
export const DB_ERROR_CODE = 'database_unavailable';

/**
 * What a SQLite or file-system failure means for the user, naming the file
 * and the next step; null when the error is not one of them. better-sqlite3
 * reports SQLITE_* codes (extended ones too: SQLITE_IOERR_WRITE), Node's
 * file calls ENOSPC and friends.
 */
export function databaseProblem(error: unknown, file = 'dropline.db'): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return `The database ${file} is damaged (${code}). Stop Dropline, then restore a backup (see the backups folder next to it) or move the file aside to start afresh.`;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC')
    return `The disk holding ${file} is full (${code}). Free some space; Dropline goes on once it can write again.`;
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM'
  )
    return `Dropline cannot write ${file} (${code}): the file or its disk is read-only. Make it writable for this user (or point --data-dir at a writable folder), then try again.`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `The database ${file} is locked by another program (${code}). Close whatever holds it (another Dropline, a database browser), then try again.`;
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return `Reading or writing ${file} failed (${code}): the disk may be failing or was unplugged. Check it, then try again.`;
  if (code.startsWith('SQLITE_CANTOPEN'))
    return `Dropline cannot open ${file} (${code}). Check that the folder exists and this user may write to it.`;
  return null;
}

/** The database problem as an AppError for the API (retryable: the user can fix it and go on). */
export function databaseError(error: unknown, file?: string): AppError | null {
  const message = databaseProblem(error, file);
  return message === null ? null : new AppError(DB_ERROR_CODE, message, true);
}
