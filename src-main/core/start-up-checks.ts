import { chmodSync, statSync } from 'node:fs';
import { openDatabase, type Db } from '../db/database.ts';
import { DatabaseUnusableError } from '../db/database-health.ts';
import { databaseProblem } from '../db/db-errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { KeyProvider } from '../vault/key-provider.ts';
import type { Vault } from '../vault/vault.ts';

// What the composition root checks of the data folder, database and vault before it builds anything.

/**
 * The data folder holds the database, logs and service.json (the API
 * token): an existing one that others may read is tightened to 0700, or,
 * when that is not allowed (another owner), the engine warns.
 */
export function tightenDataDir(dir: string, log: Logger): void {
  if (process.platform === 'win32') return;
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  const was = mode.toString(8).padStart(4, '0');
  try {
    chmodSync(dir, 0o700);
    log.info('data folder tightened to 0700', { dir, was });
  } catch (error) {
    log.warn(
      `The data folder ${dir} has mode ${was}, so other users may read it, and Dropline could not change that (${(error as NodeJS.ErrnoException).code}). Run: chmod 700 '${dir}'`,
      { dir, was },
    );
  }
}

/** Slots exist and none opens now (tried as a first secret read would; never creates a key). */
export function vaultIsLocked(vault: Vault): boolean {
  if (vault.isUnlocked() || vault.slots().length === 0) return false;
  try {
    vault.unlock();
    return false;
  } catch {
    return true;
  }
}

/** A read-only, full or locked disk at start: one line naming the file and what to do. */
export function openNamed(file: string): Db {
  try {
    return openDatabase(file);
  } catch (error) {
    const problem = error instanceof DatabaseUnusableError ? null : databaseProblem(error, file);
    throw problem ? new DatabaseUnusableError(file, problem) : error;
  }
}

/** "The OS keychain holds …": a key made for this data folder, though its database is empty. */
export function vaultKeyOutside(providers: readonly KeyProvider[]): string | null {
  const holder = providers.find((p) => p.holdsKey?.() === true);
  return holder ? `${holder.label} holds a Dropline vault key for this data folder` : null;
}
