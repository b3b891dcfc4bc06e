import type { Db } from '../db/database.ts';
import { ScheduleChoiceSchema, type ScheduleChoice } from '../../src-shared/publishing/preset.ts';
import {
  FolderTemplateSchema,
  WatchProblemSchema,
  type FolderTemplate,
  type WatchItem,
  type WatchItemState,
  type WatchProblem,
} from '../../src-shared/domain/watched-folder.ts';

/** A watched folder as stored; its live status belongs to the service. */
export interface FolderRecord {
  id: string;
  path: string;
  channelIds: string[];
  template: FolderTemplate;
  recursive: boolean;
  enabled: boolean;
  polling: boolean;
  stabilityMs: number;
  createdAt: string;
  preset: string | null;
  schedule: ScheduleChoice | null;
}

export interface FileRecord {
  id: string;
  folderId: string;
  relPath: string;
  size: number;
  mtimeMs: number;
  contentHash: string | null;
  state: WatchItemState;
  problem: WatchProblem | null;
  thumbnail: string | null;
  /** The user's answer to an ambiguity: an image path, null for none; undefined: not asked. */
  thumbnailChoice: string | null | undefined;
  title: string | null;
  jobIds: string[];
  updatedAt: string;
}

interface FolderRow {
  id: string;
  path: string;
  channel_ids: string;
  template: string;
  recursive: number;
  enabled: number;
  polling: number;
  stability_ms: number;
  created_at: string;
  preset: string | null;
  schedule: string | null;
}

interface FileRow {
  id: string;
  folder_id: string;
  rel_path: string;
  size: number;
  mtime_ms: number;
  content_hash: string | null;
  state: WatchItemState;
  problem: string | null;
  thumbnail: string | null;
  thumbnail_choice: string | null;
  title: string | null;
  job_ids: string;
  updated_at: string;
}

function toFolder(row: FolderRow): FolderRecord {
  return {
    id: row.id,
    path: row.path,
    channelIds: JSON.parse(row.channel_ids) as string[],
    template: FolderTemplateSchema.parse(JSON.parse(row.template)),
    recursive: row.recursive === 1,
    enabled: row.enabled === 1,
    polling: row.polling === 1,
    stabilityMs: row.stability_ms,
    createdAt: row.created_at,
    preset: row.preset,
    schedule: row.schedule === null ? null : ScheduleChoiceSchema.parse(JSON.parse(row.schedule)),
  };
}

function toFile(row: FileRow): FileRecord {
  return {
    id: row.id,
    folderId: row.folder_id,
    relPath: row.rel_path,
    size: row.size,
    mtimeMs: row.mtime_ms,
    contentHash: row.content_hash,
    state: row.state,
    problem: row.problem ? WatchProblemSchema.parse(JSON.parse(row.problem)) : null,
    thumbnail: row.thumbnail,
    thumbnailChoice:
      row.thumbnail_choice === null
        ? undefined
        : (JSON.parse(row.thumbnail_choice) as { image: string | null }).image,
    title: row.title,
    jobIds: JSON.parse(row.job_ids) as string[],
    updatedAt: row.updated_at,
  };
}

export function toWatchItem(file: FileRecord): WatchItem {
  return {
    id: file.id,
    folderId: file.folderId,
    path: file.relPath,
    size: file.size,
    state: file.state,
    problem: file.problem,
    thumbnail: file.thumbnail,
    title: file.title,
    jobIds: file.jobIds,
    updatedAt: file.updatedAt,
  };
}

export class WatchRepository {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  listFolders(): FolderRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM watched_folders ORDER BY created_at')
      .all() as FolderRow[];
    return rows.map(toFolder);
  }

  getFolder(id: string): FolderRecord | null {
    const row = this.db.prepare('SELECT * FROM watched_folders WHERE id = ?').get(id) as
      FolderRow | undefined;
    return row ? toFolder(row) : null;
  }

  saveFolder(f: FolderRecord): void {
    this.db
      .prepare(
        `INSERT INTO watched_folders (id, path, channel_ids, template, recursive, enabled, polling, stability_ms, created_at, preset, schedule)
         VALUES (@id, @path, @channelIds, @template, @recursive, @enabled, @polling, @stabilityMs, @createdAt, @preset, @schedule)
         ON CONFLICT(id) DO UPDATE SET channel_ids = excluded.channel_ids, template = excluded.template,
           recursive = excluded.recursive, enabled = excluded.enabled, polling = excluded.polling,
           stability_ms = excluded.stability_ms, preset = excluded.preset, schedule = excluded.schedule`,
      )
      .run({
        ...f,
        channelIds: JSON.stringify(f.channelIds),
        template: JSON.stringify(f.template),
        recursive: f.recursive ? 1 : 0,
        enabled: f.enabled ? 1 : 0,
        polling: f.polling ? 1 : 0,
        schedule: f.schedule === null ? null : JSON.stringify(f.schedule),
      });
  }

  deleteFolder(id: string): void {
    this.db.prepare('DELETE FROM watched_folders WHERE id = ?').run(id);
  }

  /** {n} of the template: 1, 2, 3... per folder, never reused. */
  nextCounter(folderId: string): number {
    return this.db
      .prepare('UPDATE watched_folders SET counter = counter + 1 WHERE id = ? RETURNING counter')
      .pluck()
      .get(folderId) as number;
  }

  listFiles(folderId: string): FileRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM watch_files WHERE folder_id = ? ORDER BY rel_path')
      .all(folderId) as FileRow[];
    return rows.map(toFile);
  }

  getFile(folderId: string, relPath: string): FileRecord | null {
    const row = this.db
      .prepare('SELECT * FROM watch_files WHERE folder_id = ? AND rel_path = ?')
      .get(folderId, relPath) as FileRow | undefined;
    return row ? toFile(row) : null;
  }

  getFileById(id: string): FileRecord | null {
    const row = this.db.prepare('SELECT * FROM watch_files WHERE id = ?').get(id) as
      FileRow | undefined;
    return row ? toFile(row) : null;
  }

  /** Files of this folder with the same content (a rename or a copy). */
  findByContent(folderId: string, size: number, hash: string): FileRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM watch_files WHERE folder_id = ? AND size = ? AND content_hash = ?')
      .all(folderId, size, hash) as FileRow[];
    return rows.map(toFile);
  }

  saveFile(f: FileRecord): void {
    this.db
      .prepare(
        `INSERT INTO watch_files (id, folder_id, rel_path, size, mtime_ms, content_hash, state, problem, thumbnail, thumbnail_choice, title, job_ids, updated_at)
         VALUES (@id, @folderId, @relPath, @size, @mtimeMs, @contentHash, @state, @problem, @thumbnail, @thumbnailChoice, @title, @jobIds, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET rel_path = excluded.rel_path, size = excluded.size, mtime_ms = excluded.mtime_ms,
           content_hash = excluded.content_hash, state = excluded.state, problem = excluded.problem,
           thumbnail = excluded.thumbnail, thumbnail_choice = excluded.thumbnail_choice, title = excluded.title,
           job_ids = excluded.job_ids, updated_at = excluded.updated_at`,
      )
      .run({
        ...f,
        problem: f.problem ? JSON.stringify(f.problem) : null,
        thumbnailChoice:
          f.thumbnailChoice === undefined ? null : JSON.stringify({ image: f.thumbnailChoice }),
        jobIds: JSON.stringify(f.jobIds),
      });
  }

  /** Many offers in one transaction (an initial scan can find thousands); known paths are kept. */
  insertOffers(files: Iterable<FileRecord>): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO watch_files (id, folder_id, rel_path, size, mtime_ms, state, updated_at)
       VALUES (?, ?, ?, ?, ?, 'offered', ?)`,
    );
    this.db.transaction(() => {
      for (const f of files)
        insert.run(f.id, f.folderId, f.relPath, f.size, f.mtimeMs, f.updatedAt);
    })();
  }

  deleteFile(id: string): void {
    this.db.prepare('DELETE FROM watch_files WHERE id = ?').run(id);
  }

  counts(folderId: string): Record<WatchItemState, number> {
    const out: Record<WatchItemState, number> = { offered: 0, waiting: 0, queued: 0, skipped: 0 };
    const rows = this.db
      .prepare('SELECT state, COUNT(*) AS n FROM watch_files WHERE folder_id = ? GROUP BY state')
      .all(folderId) as { state: WatchItemState; n: number }[];
    for (const row of rows) out[row.state] = row.n;
    return out;
  }

  hasFingerprint(channelId: string, size: number, hash: string): boolean {
    return (
      this.db
        .prepare(
          'SELECT 1 FROM watch_fingerprints WHERE channel_id = ? AND size = ? AND content_hash = ? LIMIT 1',
        )
        .get(channelId, size, hash) !== undefined
    );
  }

  /** The jobs that uploaded this content to these channels: why a copy of it is skipped. */
  fingerprintJobIds(channelIds: readonly string[], size: number, hash: string): string[] {
    const stmt = this.db.prepare(
      'SELECT job_id FROM watch_fingerprints WHERE channel_id = ? AND size = ? AND content_hash = ? AND job_id IS NOT NULL ORDER BY id LIMIT 1',
    );
    return channelIds.flatMap((c) => {
      const row = stmt.get(c, size, hash) as { job_id: string } | undefined;
      return row ? [row.job_id] : [];
    });
  }

  addFingerprint(f: {
    channelId: string;
    size: number;
    hash: string;
    mtimeMs: number;
    filePath: string;
    folderId: string | null;
    jobId: string | null;
    at: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO watch_fingerprints (channel_id, size, content_hash, mtime_ms, file_path, folder_id, job_id, created_at)
         VALUES (@channelId, @size, @hash, @mtimeMs, @filePath, @folderId, @jobId, @at)`,
      )
      .run(f);
  }
}
