import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { newestBackup } from './backups.ts';

/** The database cannot be used as it is; the message is one line: the file, what is wrong, what to do. */
export class DatabaseUnusableError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = 'DatabaseUnusableError';
    this.file = file;
  }
}

function whatToDo(file: string): string {
  const backup = newestBackup(file);
  const restore = backup
    ? `restore the newest backup (stop Dropline, then: cp '${backup}' '${file}')`
    : 'restore it from a backup of your own';
  return `Dropline left the file untouched: ${restore}, or move it aside (mv '${file}' '${file}.damaged') to start afresh.`;
}

/**
 * `PRAGMA quick_check` before anything writes (WAL mode, migrations): a
 * damaged page is found at start, not as a crash on the first sign-in.
 * Read-only, so the damaged file stays exactly as it was.
 */
export function checkDatabaseIntegrity(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  let problem: string | null = null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
    const found = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (found.length) problem = found.join('; ').replace(/\s+/g, ' ').slice(0, 200);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // Busy or read-only disks are other problems, named where they happen.
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
      problem = `${code}: ${(error as Error).message}`;
    else throw error;
  } finally {
    db?.close();
  }
  if (problem)
    throw new DatabaseUnusableError(
      file,
      `The database ${file} is damaged (quick_check: ${problem}). ${whatToDo(file)}`,
    );
}

/**
 * A 0-byte dropline.db where a vault existed (a key in the OS keychain for
 * this folder, or backups next to it) is a truncated database, not a fresh
 * install: starting afresh would orphan every stored secret without a word.
 */
export function checkEmptyDatabase(file: string, vaultKeyElsewhere: () => string | null): void {
  if (!existsSync(file) || statSync(file).size !== 0) return;
  const backup = newestBackup(file);
  const evidence = backup ? `backups of it exist (${backup})` : vaultKeyElsewhere();
  if (evidence === null) return;
  throw new DatabaseUnusableError(
    file,
    `The database ${file} is empty (0 bytes), but ${evidence}: this is not a fresh install, and starting afresh would lose your channels and secrets. ${
      backup
        ? `Restore the newest backup (stop Dropline, then: cp '${backup}' '${file}')`
        : 'Restore dropline.db from a backup of your own'
    }, or, to start afresh on purpose, delete the empty file (rm '${file}').`,
  );
}
