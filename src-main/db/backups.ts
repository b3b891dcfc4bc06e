import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { Db } from './database.ts';

export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;
export const BACKUPS_KEPT = 2;

/** `<data>/backups`, next to the database. */
export function backupDir(dbFile: string): string {
  return join(dirname(dbFile), 'backups');
}

const NAME = /^dropline-(\d{8}T\d{6}Z)\.db$/;

/** Backups, newest first. */
export function listBackups(dbFile: string): string[] {
  let names: string[];
  try {
    names = readdirSync(backupDir(dbFile));
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((n) => join(backupDir(dbFile), n));
}

export function newestBackup(dbFile: string): string | null {
  return listBackups(dbFile)[0] ?? null;
}

function stampOf(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function msOfStamp(path: string): number {
  const m = NAME.exec(basename(path));
  if (!m) return 0;
  const s = m[1] as string;
  return Date.UTC(
    +s.slice(0, 4),
    +s.slice(4, 6) - 1,
    +s.slice(6, 8),
    +s.slice(9, 11),
    +s.slice(11, 13),
    +s.slice(13, 15),
  );
}

/**
 * A rolling backup: once a day `VACUUM INTO` a consistent copy of the
 * database (secrets stay encrypted in it), keeping the two newest. Written
 * under a temporary name and renamed, so a crash never leaves half a backup.
 */
export class DatabaseBackups {
  readonly #db: Db;
  readonly #file: string;
  readonly #clock: Clock;
  readonly #log: Logger;
  #cancel: (() => void) | null = null;

  constructor(opts: { db: Db; file: string; clock: Clock; log: Logger }) {
    this.#db = opts.db;
    this.#file = opts.file;
    this.#clock = opts.clock;
    this.#log = opts.log;
  }

  /** Backs up now when the newest backup is a day old (or there is none), then once a day. */
  start(): void {
    const newest = newestBackup(this.#file);
    const age = newest ? this.#clock.now() - msOfStamp(newest) : Infinity;
    if (age >= BACKUP_EVERY_MS) this.backupNow();
    this.#schedule(age >= BACKUP_EVERY_MS ? BACKUP_EVERY_MS : BACKUP_EVERY_MS - age);
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  /** One backup; a failure (full disk) is logged and tried again the next day, never thrown. */
  backupNow(): string | null {
    const dir = backupDir(this.#file);
    const target = join(dir, `dropline-${stampOf(this.#clock.now())}.db`);
    const tmp = `${target}.tmp`;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      rmSync(tmp, { force: true });
      this.#db.prepare('VACUUM INTO ?').run(tmp);
      chmodSync(tmp, 0o600);
      renameSync(tmp, target);
    } catch (error) {
      rmSync(tmp, { force: true });
      this.#log.warn('database backup failed', { file: target, error });
      return null;
    }
    for (const old of listBackups(this.#file).slice(BACKUPS_KEPT)) rmSync(old, { force: true });
    this.#log.info('database backed up', { file: target });
    return target;
  }

  #schedule(ms: number): void {
    this.#cancel = this.#clock.setTimeout(() => {
      this.backupNow();
      this.#schedule(BACKUP_EVERY_MS);
    }, ms);
  }
}
