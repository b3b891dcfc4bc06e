import { createHash, randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { inputLimits } from '../../src-shared/domain/input-limits.ts';
import { FileRefusal, readRegularFileSync } from '../base/regular-file.ts';
import { basename, resolve } from 'node:path';
import type { CookieImportInput, CookieImportResult } from '../../src-shared/api/cookies.ts';
import { AppError } from '../../src-shared/api/errors.ts';
import type {
  CookieCheck,
  CookieLabelInfo,
  CookieVersion,
} from '../../src-shared/domain/cookie-file.ts';
import type { Clock } from '../base/clock.ts';
import type { Notices } from '../notices/notices.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { SecretRef, SecretStore } from '../vault/secret-store.ts';
import type { CookieAudit } from './cookie-audit.ts';
import type { CookieRepository, CookieRow } from './cookie-repository.ts';
import { freshnessOf, summarizeCookies } from './cookie-summary.ts';
import { describeCheck } from './cookie-messages.ts';
import { CookieFileError, parseCookieFile } from './netscape-parser.ts';

export const DEFAULT_LABEL = 'default';

export const CookieErrorCode = {
  invalidFile: 'invalid_cookie_file',
  unreadable: 'cookie_file_unreadable',
  notFound: 'cookie_label_not_found',
  sourceChanged: 'cookie_source_changed',
} as const;

export interface CookieSettings {
  warningHours: number;
  backups: number;
}

export interface CookieServiceDeps {
  repo: CookieRepository;
  vault: SecretStore;
  audit: CookieAudit;
  events: EventHub;
  clock: Clock;
  log: Logger;
  settings: () => CookieSettings;
  notices: Pick<Notices, 'post'>;
}

const ref = (id: string): SecretRef => ({ kind: 'cookie_file', id });
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Import, rotation, freshness and bookkeeping of cookie files; values stay in the vault. */
export class CookieService {
  readonly #d: CookieServiceDeps;
  /** Plaintext sources imported by path in this session, so the user can have them deleted. */
  readonly #sources = new Map<string, { path: string; hash: string }>();
  readonly #announced = new Map<string, string>();

  constructor(deps: CookieServiceDeps) {
    this.#d = deps;
  }

  #now(): string {
    return new Date(this.#d.clock.now()).toISOString();
  }

  #toVersion(row: CookieRow): CookieVersion {
    const { status, ...rest } = row;
    return {
      ...rest,
      role: row.position === 0 ? 'active' : 'backup',
      health: status,
      freshness: freshnessOf(row, this.#d.clock.now(), this.#d.settings().warningHours),
    };
  }

  import(input: CookieImportInput): CookieImportResult {
    const label = input.label ?? DEFAULT_LABEL;
    let bytes: Buffer;
    let sourceName: string;
    let sourcePath: string | null = null;
    if ('path' in input) {
      sourcePath = resolve(input.path);
      sourceName = basename(sourcePath);
      bytes = readSource(sourcePath);
    } else {
      sourceName = basename(input.fileName);
      bytes = Buffer.from(input.content, 'utf8');
    }
    let summary;
    try {
      summary = summarizeCookies(
        parseCookieFile(bytes.toString('utf8'), sourceName),
        this.#d.clock.now(),
      );
    } catch (error) {
      if (error instanceof CookieFileError)
        throw new AppError(CookieErrorCode.invalidFile, error.message);
      throw error;
    }
    const id = randomUUID();
    const importedAt = this.#now();
    this.#d.vault.put(ref(id), bytes);
    let pruned: CookieRow[];
    try {
      pruned = this.#d.repo.transaction(() => {
        this.#d.repo.shiftDown(label);
        this.#d.repo.insert({ id, label, position: 0, importedAt, sourceName, ...summary });
        const keep = this.#d.settings().backups;
        const old = this.#d.repo.byLabel(label).filter((r) => r.position > keep);
        this.#d.repo.deleteIds(old.map((r) => r.id));
        return old;
      });
    } catch (error) {
      this.#d.vault.delete(ref(id));
      throw error;
    }
    if (sourcePath) this.#sources.set(id, { path: sourcePath, hash: sha256(bytes) });
    const backups = this.#d.repo.byLabel(label).length - 1;
    this.#d.audit.record('import', label, 'ok', {
      version: id,
      source: sourceName,
      cookies: summary.cookieCount,
      signedIn: summary.signedInToYouTube,
      backups,
    });
    for (const row of pruned) {
      this.#d.vault.delete(ref(row.id));
      this.#d.audit.record('prune', label, 'ok', { version: row.id });
    }
    this.#d.log.info('cookie file imported', {
      label,
      version: id,
      cookieCount: summary.cookieCount,
    });
    this.#changed();
    this.checkFreshness();
    return {
      label,
      versionId: id,
      summary,
      backups,
      sourceDeletable: sourcePath !== null,
      sourcePath,
    };
  }

  deleteSource(versionId: string): { deleted: boolean; path: string } {
    const source = this.#sources.get(versionId);
    if (!source)
      throw new AppError(
        CookieErrorCode.notFound,
        'Only a file imported by path in this session can be deleted from here; delete it yourself.',
      );
    let current: Buffer;
    try {
      current = readRegularFileSync(source.path, {
        what: 'cookie file',
        maxBytes: inputLimits.cookieFileBytes,
      });
    } catch {
      this.#sources.delete(versionId);
      return { deleted: false, path: source.path };
    }
    // Never delete a file that changed since the import: it is no longer the copy we hold.
    if (sha256(current) !== source.hash)
      throw new AppError(
        CookieErrorCode.sourceChanged,
        `${source.path} changed since it was imported; it was not deleted.`,
      );
    unlinkSync(source.path);
    this.#sources.delete(versionId);
    this.#d.audit.record('delete_source', versionId, 'ok', { file: basename(source.path) });
    return { deleted: true, path: source.path };
  }

  list(): CookieLabelInfo[] {
    const byLabel = new Map<string, CookieVersion[]>();
    for (const row of this.#d.repo.all()) {
      const list = byLabel.get(row.label) ?? [];
      list.push(this.#toVersion(row));
      byLabel.set(row.label, list);
    }
    const out: CookieLabelInfo[] = [];
    for (const [label, versions] of byLabel) {
      const [active, ...backups] = versions;
      if (active && active.position === 0) out.push({ label, active, backups });
    }
    return out;
  }

  check(label?: string): CookieCheck[] {
    const labels = this.list().filter((l) => label === undefined || l.label === label);
    if (label !== undefined && labels.length === 0) throw notFound(label);
    return labels.map((info) => ({
      label: info.label,
      freshness: info.active.freshness,
      health: info.active.health,
      earliestAuthExpiry: info.active.earliestAuthExpiry,
      backups: info.backups.length,
      message: describeCheck(info.active, this.#d.clock.now()),
    }));
  }

  remove(label: string): { removed: number } {
    const rows = this.#d.repo.byLabel(label);
    if (rows.length === 0) throw notFound(label);
    this.#d.repo.transaction(() => this.#d.repo.deleteIds(rows.map((r) => r.id)));
    for (const row of rows) {
      this.#d.vault.delete(ref(row.id));
      this.#sources.delete(row.id);
    }
    this.#d.audit.record('remove', label, 'ok', { versions: rows.length });
    this.#changed();
    return { removed: rows.length };
  }

  /** The versions a download may use, in order: the active file, then the first backup. */
  candidates(label: string): CookieRow[] {
    const rows = this.#d.repo.byLabel(label);
    if (rows.length === 0) throw notFound(label);
    return rows.slice(0, 2);
  }

  /** Decrypted contents, for the temporary copy handed to yt-dlp only. */
  contents(versionId: string): Buffer {
    const value = this.#d.vault.get(ref(versionId));
    if (value === null)
      throw new AppError(
        CookieErrorCode.notFound,
        `Cookie version ${versionId} has no stored contents.`,
      );
    return value;
  }

  markUsed(row: CookieRow, downloadId: string, url: string): void {
    this.#d.repo.recordUse(row.id, this.#now());
    this.#d.audit.record('use', row.label, 'ok', {
      version: row.id,
      position: row.position,
      download: downloadId,
      url,
    });
  }

  markSuccess(row: CookieRow, downloadId: string): void {
    this.#d.repo.recordSuccess(row.id, this.#now());
    this.#d.audit.record('success', row.label, 'ok', { version: row.id, download: downloadId });
    this.#changed();
  }

  markFailure(row: CookieRow, downloadId: string, message: string, failing: boolean): void {
    this.#d.repo.recordFailure(row.id, this.#now(), message, failing);
    this.#d.audit.record(failing ? 'mark_failing' : 'failure', row.label, 'failed', {
      version: row.id,
      download: downloadId,
      reason: message,
    });
    this.#changed();
  }

  recordFallback(from: CookieRow, to: CookieRow, downloadId: string): void {
    this.#d.audit.record('fallback', from.label, 'ok', {
      from: from.id,
      to: to.id,
      download: downloadId,
    });
  }

  /**
   * yt-dlp saved its jar (YouTube rotates cookies): store it as the new
   * contents of the version that was used. A jar that no longer parses is
   * not stored; the previous contents stay.
   */
  storeWriteback(row: CookieRow, jar: Buffer, downloadId: string): boolean {
    const before = this.#d.vault.get(ref(row.id));
    if (before !== null && before.equals(jar)) return false;
    let summary;
    try {
      summary = summarizeCookies(
        parseCookieFile(jar.toString('utf8'), 'yt-dlp cookie jar'),
        this.#d.clock.now(),
      );
    } catch (error) {
      this.#d.audit.record('rotate', row.label, 'failed', {
        version: row.id,
        download: downloadId,
      });
      this.#d.log.warn('yt-dlp wrote back an unreadable cookie jar; keeping the stored one', {
        label: row.label,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
    if (this.#d.repo.byId(row.id) === null) return false; // removed while downloading
    this.#d.vault.put(ref(row.id), jar);
    this.#d.repo.recordRotation(row.id, summary, this.#now());
    this.#d.audit.record('rotate', row.label, 'ok', {
      version: row.id,
      download: downloadId,
      cookies: summary.cookieCount,
    });
    this.#changed();
    return true;
  }

  /** Notices for active files whose auth cookies expire soon or have expired, once per state. */
  checkFreshness(): void {
    for (const info of this.list()) {
      const { freshness, id } = info.active;
      if (freshness !== 'expiring' && freshness !== 'expired') continue;
      if (this.#announced.get(id) === freshness) continue;
      this.#announced.set(id, freshness);
      this.#d.notices.post({
        kind: 'cookie_expiring',
        level: freshness === 'expired' ? 'error' : 'warning',
        title:
          freshness === 'expired'
            ? `Cookies "${info.label}" expired`
            : `Cookies "${info.label}" expire soon`,
        message: describeCheck(info.active, this.#d.clock.now()),
      });
    }
  }

  #changed(): void {
    this.#d.events.emit('cookies.changed', this.list());
  }
}

function notFound(label: string): AppError {
  return new AppError(
    CookieErrorCode.notFound,
    `No cookie file is stored under the label "${label}".`,
  );
}

/** A regular file under the cookie-file limit, checked before reading (a FIFO is never opened). */
function readSource(path: string): Buffer {
  try {
    return readRegularFileSync(path, {
      what: 'cookie file',
      maxBytes: inputLimits.cookieFileBytes,
    });
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    throw new AppError(
      error.reason === 'too_large' ? CookieErrorCode.invalidFile : CookieErrorCode.unreadable,
      error.message,
    );
  }
}
